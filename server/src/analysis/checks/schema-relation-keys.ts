// The two keys of a hasMany, hasOne or belongsTo relation, each with the model it lives on, and the
// one a preload filters on (`where <lookup> in (...)`): the foreign key of hasMany/hasOne, the local
// key (on the related model) of belongsTo.
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { resolveHasManyKeys, type ResolvedKey } from '../relation-keys'

export interface SchemaRelationKeys {
  localKey: ResolvedKey
  foreignKey: ResolvedKey
  lookup: ResolvedKey
}

export function schemaRelationKeys(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
): SchemaRelationKeys | undefined {
  const { kind } = relation.fact
  if (kind !== 'hasMany' && kind !== 'hasOne' && kind !== 'belongsTo') return undefined
  const related = index.relatedModel(relation.fact)
  if (related.kind !== 'model') return undefined
  if (kind !== 'belongsTo') {
    const keys = resolveHasManyKeys(parent, relation, related.model)
    return keys && { ...keys, lookup: keys.foreignKey }
  }
  const keys = belongsToKeys(parent, relation, related.model)
  return keys && { ...keys, lookup: keys.localKey }
}

/** Lucid's belongsTo: localKey = the related model's primary key, foreignKey on the parent. */
function belongsToKeys(
  parent: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): { localKey: ResolvedKey; foreignKey: ResolvedKey } | undefined {
  const { fact } = relation
  const local = fact.localKey
  const foreign = fact.foreignKey
  if ((local && local.value === undefined) || (foreign && foreign.value === undefined)) return undefined
  const strategy = parent.strategy
  if ((!local || !foreign) && !strategy) return undefined
  const owner = { name: parent.name, primaryKey: parent.primaryKey }
  const target = { name: related.name, primaryKey: related.primaryKey }
  const localName = local?.value ?? strategy?.relationLocalKey('belongsTo', owner, target)
  const foreignName = foreign?.value ?? strategy?.relationForeignKey('belongsTo', owner, target)
  if (localName === undefined || foreignName === undefined) return undefined
  return {
    localKey: { name: localName, option: local, owner: related, column: related.columns.get(localName) },
    foreignKey: {
      name: foreignName,
      option: foreign,
      owner: parent,
      column: parent.columns.get(foreignName),
    },
  }
}
