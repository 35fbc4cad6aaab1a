// Every relation kind described the same way, as Lucid boots it: its keys in Lucid's option names
// (each with the model it lives on, its column and how a default was derived), the pivot table of a
// manyToMany and the through model of a hasManyThrough. Hovers, the models request and the graph
// read this one description.
import type { PivotKeys } from '../../../engine/src/model-graph'
import type { KeyOption } from './class-facts'
import type { LucidModel, ModelRelation } from './lucid-model'
import { resolveManyToManyKeys } from './many-to-many-keys'
import type { ModelIndex } from './model-index'
import { resolveBelongsToKeys, resolveHasManyKeys, type ResolvedKey } from './relation-keys'

export type KeyRole = 'localKey' | 'foreignKey' | 'relatedKey' | 'throughLocalKey' | 'throughForeignKey'

export interface ShapeKey extends ResolvedKey {
  role: KeyRole
}

export interface RelationShape {
  related: LucidModel
  keys: ShapeKey[]
  /** manyToMany: the pivot table and the pivot columns holding each side's key. */
  pivot?: PivotKeys
  /** hasManyThrough: the model in between. */
  through?: LucidModel
}

/** Undefined when the related model, a key or the naming strategy cannot be known statically. */
export function relationShape(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
): RelationShape | undefined {
  const { fact } = relation
  const found = index.relatedModel(fact)
  if (found.kind !== 'model') return undefined
  const related = found.model
  switch (fact.kind) {
    case 'hasMany':
    case 'hasOne':
    case 'belongsTo': {
      const keys =
        fact.kind === 'belongsTo'
          ? resolveBelongsToKeys(parent, relation, related)
          : resolveHasManyKeys(parent, relation, related)
      if (!keys) return undefined
      return {
        related,
        keys: [
          { ...keys.localKey, role: 'localKey' },
          { ...keys.foreignKey, role: 'foreignKey' },
        ],
      }
    }
    case 'manyToMany':
      return manyToManyShape(index, parent, relation, related)
    case 'hasManyThrough':
      return throughShape(index, parent, relation, related)
  }
}

function manyToManyShape(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationShape | undefined {
  const keys = resolveManyToManyKeys(index.ts, parent, relation, related)
  if (!keys?.pivot) return undefined
  const { fact } = relation
  // Lucid's quirk: relatedKey defaults to this model's primary key name, looked up on the related model.
  const byDefault = `the primary key of ${parent.name}`
  return {
    related,
    keys: [
      key('localKey', keys.localKey, parent, fact.localKey, byDefault),
      key(
        'relatedKey',
        keys.foreignKey,
        related,
        fact.manyToMany?.relatedKey,
        `named like the primary key of ${parent.name}`,
      ),
    ],
    pivot: keys.pivot,
  }
}

/**
 * Lucid's HasManyThrough: localKey on this model (default its primary key), foreignKey on the
 * through model (default camelCase(this name + "_" + primary key)), throughLocalKey on the through
 * model (default its primary key), throughForeignKey on the related model (default
 * camelCase(through name + "_" + its primary key)).
 */
function throughShape(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationShape | undefined {
  const { fact } = relation
  const throughExpr = fact.through?.expr
  const through = throughExpr ? index.modelOfExpression(throughExpr) : undefined
  const strategy = parent.strategy
  if (!through || !strategy) return undefined
  const options = [fact.localKey, fact.foreignKey, fact.through?.localKey, fact.through?.foreignKey]
  if (options.some((option) => option && option.value === undefined)) return undefined
  const owner = (model: LucidModel) => ({ name: model.name, primaryKey: model.primaryKey })
  const camel = (model: LucidModel) => `camelCase("${model.name}" + "_" + "${model.primaryKey}")`
  return {
    related,
    through,
    keys: [
      key(
        'localKey',
        fact.localKey?.value ?? strategy.relationLocalKey('hasManyThrough', owner(parent), owner(related)),
        parent,
        fact.localKey,
        `the primary key of ${parent.name}`,
      ),
      key(
        'foreignKey',
        fact.foreignKey?.value ??
          strategy.relationForeignKey('hasManyThrough', owner(parent), owner(through)),
        through,
        fact.foreignKey,
        camel(parent),
      ),
      key(
        'throughLocalKey',
        fact.through?.localKey?.value ??
          strategy.relationLocalKey('hasManyThrough', owner(through), owner(related)),
        through,
        fact.through?.localKey,
        `the primary key of ${through.name}`,
      ),
      key(
        'throughForeignKey',
        fact.through?.foreignKey?.value ??
          strategy.relationForeignKey('hasManyThrough', owner(through), owner(related)),
        related,
        fact.through?.foreignKey,
        camel(through),
      ),
    ],
  }
}

function key(
  role: KeyRole,
  name: string,
  owner: LucidModel,
  option: KeyOption | undefined,
  derivation: string,
): ShapeKey {
  return {
    role,
    name,
    owner,
    column: owner.columns.get(name),
    ...(option ? { option } : { derivation }),
  }
}
