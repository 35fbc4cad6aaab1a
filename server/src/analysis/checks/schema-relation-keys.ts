// The two keys of a hasMany, hasOne or belongsTo relation, each with the model it lives on, and the
// one a preload filters on (`where <lookup> in (...)`): the foreign key of hasMany/hasOne, the local
// key (on the related model) of belongsTo. A view of the one key resolver (relation-keys.ts).
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { resolveRelation, type ResolvedKey } from '../relation-keys'

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
  const resolved = resolveRelation(index, parent, relation)
  const pair = resolved?.lookup ? resolved.pairs[0] : undefined
  return pair && resolved?.lookup
    ? { localKey: pair.local, foreignKey: pair.foreign, lookup: resolved.lookup }
    : undefined
}
