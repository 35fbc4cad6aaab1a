// The keys Lucid picks for a hasMany relation (reference sections 1 and 3): the local key on the
// parent, the foreign key on the related model, each an attribute name, defaults from the parent.
import type { KeyOption } from './class-facts'
import type { LucidModel, ModelColumn, ModelRelation } from './lucid-model'

export interface ResolvedKey {
  /** The attribute name Lucid will look up. */
  name: string
  /** Set when the key was given explicitly in the decorator options. */
  option?: KeyOption
  /** How a default was derived, in words, for messages and hovers. */
  derivation?: string
  /** The model the key must exist on. */
  owner: LucidModel
  column?: ModelColumn
}

export interface RelationKeys {
  localKey: ResolvedKey
  foreignKey: ResolvedKey
}

/** Undefined when a key is dynamic or the naming strategy is custom: nothing can be claimed. */
export function resolveHasManyKeys(
  parent: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  const { fact } = relation
  const local = fact.localKey
  const foreign = fact.foreignKey
  if ((local && local.value === undefined) || (foreign && foreign.value === undefined)) return undefined
  const strategy = parent.strategy
  const owner = { name: parent.name, primaryKey: parent.primaryKey }
  const target = { name: related.name, primaryKey: related.primaryKey }
  if ((!local || !foreign) && !strategy) return undefined
  const localName = local?.value ?? strategy?.relationLocalKey(fact.kind, owner, target)
  const foreignName = foreign?.value ?? strategy?.relationForeignKey(fact.kind, owner, target)
  if (localName === undefined || foreignName === undefined) return undefined
  return {
    localKey: {
      name: localName,
      option: local,
      derivation: local ? undefined : `the primary key of ${parent.name}`,
      owner: parent,
      column: parent.columns.get(localName),
    },
    foreignKey: {
      name: foreignName,
      option: foreign,
      derivation: foreign ? undefined : `camelCase("${parent.name}" + "_" + "${parent.primaryKey}")`,
      owner: related,
      column: related.columns.get(foreignName),
    },
  }
}

/**
 * belongsTo, as Lucid resolves it: the local key on the related model (default: its primary key), the
 * foreign key on this model (default: camelCase(related name + "_" + its primary key)).
 */
export function resolveBelongsToKeys(
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  const { fact } = relation
  const local = fact.localKey
  const foreign = fact.foreignKey
  if ((local && local.value === undefined) || (foreign && foreign.value === undefined)) return undefined
  const strategy = model.strategy
  const owner = { name: model.name, primaryKey: model.primaryKey }
  const target = { name: related.name, primaryKey: related.primaryKey }
  if ((!local || !foreign) && !strategy) return undefined
  const localName = local?.value ?? strategy?.relationLocalKey(fact.kind, owner, target)
  const foreignName = foreign?.value ?? strategy?.relationForeignKey(fact.kind, owner, target)
  if (localName === undefined || foreignName === undefined) return undefined
  return {
    localKey: {
      name: localName,
      option: local,
      derivation: local ? undefined : `the primary key of ${related.name}`,
      owner: related,
      column: related.columns.get(localName),
    },
    foreignKey: {
      name: foreignName,
      option: foreign,
      derivation: foreign ? undefined : `camelCase("${related.name}" + "_" + "${related.primaryKey}")`,
      owner: model,
      column: model.columns.get(foreignName),
    },
  }
}
