// Turns the linked models into the engine's plain ModelGraph (names only, no compiler objects).
import type { ColumnInfo, ModelGraph, ModelInfo, RelationInfo } from '../../../engine/src/model-graph'
import { onQueryPlan } from './on-query-plan'
import type { LucidModel } from './lucid-model'
import { resolveManyToManyKeys } from './many-to-many-keys'
import type { ModelIndex } from './model-index'
import { resolveBelongsToKeys, resolveHasManyKeys } from './relation-keys'

export function buildModelGraph(index: ModelIndex, models: LucidModel[] = index.allModels()): ModelGraph {
  return { generation: index.generation, models: models.map((model) => modelInfo(index, model)) }
}

function modelInfo(index: ModelIndex, model: LucidModel): ModelInfo {
  const columns: ColumnInfo[] = [...model.columns.values()].map((column) => {
    const fact = column.fact
    const info: ColumnInfo = {
      attribute: fact.name,
      columnName: column.columnName ?? fact.name,
      isPrimary: fact.name === model.primaryKey,
      serializeAs:
        fact.serializeAs !== undefined
          ? fact.serializeAs
          : model.strategyGaps?.serializedName
            ? fact.name
            : (model.strategy?.serializedName(fact.name) ?? fact.name),
      decorator: fact.decorator,
      declaredBy: column.declaredBy.name,
    }
    if (fact.typeText) info.typeText = fact.typeText
    if (fact.autoCreate) info.autoCreate = true
    if (fact.autoUpdate) info.autoUpdate = true
    return info
  })
  const relations: RelationInfo[] = [...model.relations.values()].map((relation) => {
    const { fact } = relation
    const related = index.relatedModel(fact)
    const info: RelationInfo = {
      name: fact.name,
      kind: fact.kind,
      serializeAs: fact.serializeAs !== undefined ? fact.serializeAs : fact.name,
      hasOnQuery: fact.onQuery !== undefined,
    }
    // Read here, with the rest of the relation, so the CLI and the server preview the same hook.
    if (fact.onQuery) info.onQuery = onQueryPlan(index.ts, fact.onQuery)
    if (related.kind !== 'model') return info
    info.relatedModel = related.model.name
    if (fact.kind === 'manyToMany') {
      const keys = resolveManyToManyKeys(index.ts, model, relation, related.model)
      if (keys) info.keys = keys
      return info
    }
    const keys =
      fact.kind === 'hasMany' || fact.kind === 'hasOne'
        ? resolveHasManyKeys(model, relation, related.model)
        : fact.kind === 'belongsTo'
          ? resolveBelongsToKeys(model, relation, related.model)
          : undefined
    if (keys) {
      info.keys = {
        localKey: keys.localKey.name,
        localKeyIsDefault: !keys.localKey.option,
        foreignKey: keys.foreignKey.name,
        foreignKeyIsDefault: !keys.foreignKey.option,
      }
      if (keys.localKey.column?.columnName) info.keys.localKeyColumn = keys.localKey.column.columnName
      if (keys.foreignKey.column?.columnName) info.keys.foreignKeyColumn = keys.foreignKey.column.columnName
    }
    return info
  })
  return {
    name: model.name,
    table: model.table ?? model.name,
    tableIsExplicit: model.facts.table !== undefined,
    primaryKey: model.primaryKey,
    namingStrategy: model.strategy?.kind ?? 'custom',
    columns,
    relations,
    isAbstract: model.facts.isAbstract,
  }
}
