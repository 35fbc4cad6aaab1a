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
  return resolveKeys(parent, relation, related, { localOn: parent, foreignFrom: parent, foreignOn: related })
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
  return resolveKeys(model, relation, related, { localOn: related, foreignFrom: related, foreignOn: model })
}

interface KeySides {
  /** The model the local key is a property of (its primary key is the default). */
  localOn: LucidModel
  /** The model whose name and primary key make the default foreign key. */
  foreignFrom: LucidModel
  /** The model the foreign key is a property of. */
  foreignOn: LucidModel
}

function resolveKeys(
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
  sides: KeySides,
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
  const { localOn, foreignFrom, foreignOn } = sides
  return {
    localKey: {
      name: localName,
      option: local,
      derivation: local ? undefined : `the primary key of ${localOn.name}`,
      owner: localOn,
      column: localOn.columns.get(localName),
    },
    foreignKey: {
      name: foreignName,
      option: foreign,
      derivation: foreign
        ? undefined
        : `camelCase("${foreignFrom.name}" + "_" + "${foreignFrom.primaryKey}")`,
      owner: foreignOn,
      column: foreignOn.columns.get(foreignName),
    },
  }
}
