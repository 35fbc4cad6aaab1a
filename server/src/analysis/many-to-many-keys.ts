// A manyToMany relation's keys and pivot table as the engine's RelationKeys, from the one key
// resolver (relation-keys.ts): there `localKey` is on this model and `foreignKey` is the option
// Lucid calls `relatedKey`.
import type { PivotKeys, RelationKeys } from '../../../engine/src/model-graph'
import type { LucidModel, ModelRelation } from './lucid-model'
import { pivotTimestamps } from './pivot-options'
import { resolveRelationWith } from './relation-keys'
import type { TsModule } from './syntax'

/** Undefined when an option is dynamic or a default needs a custom naming strategy. */
export function resolveManyToManyKeys(
  ts: TsModule,
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  const resolved = resolveRelationWith(ts, model, relation, related)
  const local = resolved?.keys.find((k) => k.role === 'localKey')
  const relatedKey = resolved?.keys.find((k) => k.role === 'relatedKey')
  const pivot = resolved?.pivot
  const foreignKey = pivot?.keys.find((k) => k.role === 'pivotForeignKey')
  const relatedForeignKey = pivot?.keys.find((k) => k.role === 'pivotRelatedForeignKey')
  const timestamps = pivotTimestamps(ts, relation.fact.manyToMany?.pivotTimestamps)
  if (!local || !relatedKey || !pivot || !foreignKey || !relatedForeignKey || !pivot.columns || !timestamps)
    return undefined
  const pivotKeys: PivotKeys = {
    table: pivot.table,
    tableIsDefault: !pivot.tableOption,
    foreignKey: foreignKey.name,
    relatedForeignKey: relatedForeignKey.name,
    columns: pivot.columns.map((c) => c.name),
    timestamps,
  }
  const keys: RelationKeys = {
    localKey: local.name,
    localKeyIsDefault: !local.option,
    foreignKey: relatedKey.name,
    foreignKeyIsDefault: !relatedKey.option,
    pivot: pivotKeys,
  }
  if (local.column?.columnName) keys.localKeyColumn = local.column.columnName
  if (relatedKey.column?.columnName) keys.foreignKeyColumn = relatedKey.column.columnName
  return keys
}
