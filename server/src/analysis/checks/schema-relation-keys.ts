// The two keys of a hasMany, hasOne or belongsTo relation, each with the model it lives on, and the
// one a preload filters on (`where <lookup> in (...)`): the foreign key of hasMany/hasOne, the local
// key (on the related model) of belongsTo.
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { resolveBelongsToKeys, resolveHasManyKeys, type ResolvedKey } from '../relation-keys'

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
  const keys = resolveBelongsToKeys(parent, relation, related.model)
  return keys && { ...keys, lookup: keys.localKey }
}
