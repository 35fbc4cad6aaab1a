// Every relation kind described the same way, as Lucid boots it: its keys in Lucid's option names
// (each with the model it lives on, its column and how a default was derived), the pivot table of a
// manyToMany and the through model of a hasManyThrough. Hovers, the models request and the graph
// read this one description, a view of the one key resolver (relation-keys.ts).
import type { PivotKeys } from '../../../engine/src/model-graph'
import type { LucidModel, ModelRelation } from './lucid-model'
import { resolveManyToManyKeys } from './many-to-many-keys'
import type { ModelIndex } from './model-index'
import { resolveRelation, type KeyRole, type ResolvedKey } from './relation-keys'

export type { KeyRole }
export type ShapeKey = ResolvedKey

export interface RelationShape {
  related: LucidModel
  keys: ShapeKey[]
  /** manyToMany: the pivot table and the pivot columns holding each side's key. */
  pivot?: PivotKeys
  /** hasManyThrough: the model in between. */
  through?: LucidModel
}

/** Every key Lucid extracts for each kind: a shape is only drawn when all of them are known. */
const ROLES: Record<ModelRelation['fact']['kind'], KeyRole[]> = {
  hasMany: ['localKey', 'foreignKey'],
  hasOne: ['localKey', 'foreignKey'],
  belongsTo: ['localKey', 'foreignKey'],
  manyToMany: ['localKey', 'relatedKey'],
  hasManyThrough: ['localKey', 'foreignKey', 'throughLocalKey', 'throughForeignKey'],
}

/** Undefined when the related model, a key or the naming strategy cannot be known statically. */
export function relationShape(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
): RelationShape | undefined {
  const resolved = resolveRelation(index, parent, relation)
  if (!resolved) return undefined
  const keys = ROLES[relation.fact.kind].map((role) => resolved.keys.find((key) => key.role === role))
  if (keys.some((key) => key === undefined)) return undefined
  const shape: RelationShape = { related: resolved.related, keys: keys as ShapeKey[] }
  if (relation.fact.kind === 'manyToMany') {
    const pivot = resolveManyToManyKeys(index.ts, parent, relation, resolved.related)?.pivot
    if (!pivot) return undefined
    shape.pivot = pivot
  }
  if (resolved.through) shape.through = resolved.through
  return shape
}
