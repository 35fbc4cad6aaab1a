// Lucid's `HasManyQueryClient` / `HasOneQueryClient` write methods (relations/has_many/query_client):
// the parent is saved first (an unpersisted parent is inserted), then the foreign key is written
// from `parent[localKey]` (`hydrateForPersistance`, which fails on null/undefined), overriding any
// foreign key in the values, and the related model's static does the rest. `onQuery` is not applied.
import { missingKeyValue, runtimeError } from '../query/errors'
import { attributeValue, type ModelInstance } from '../query/model-instance'
import type { BootedRelation } from '../query/model-registry'
import type { Runtime } from '../query/runtime'
import { asRows, newUp, setAttribute, type Payload } from './instance-state'
import {
  create,
  createMany,
  fetchOrSaveMany,
  firstOrCreate,
  persistOptions,
  updateOrCreate,
} from './model-statics'
import { save } from './save'

export const RELATION_WRITES = new Set([
  'save',
  'saveMany',
  'create',
  'createMany',
  'firstOrCreate',
  'updateOrCreate',
  'fetchOrCreateMany',
  'updateOrCreateMany',
])

const HAS_ONE_WRITES = new Set(['save', 'create', 'firstOrCreate', 'updateOrCreate'])

type Result = ModelInstance | ModelInstance[] | null

/**
 * `save(payload)` / `saveMany([payload])` take objects standing for `new Related().merge(payload)`:
 * a plan cannot hold a model instance, and only new instances can be expressed that way.
 */
export async function relationWrite(
  runtime: Runtime,
  parent: ModelInstance,
  relation: BootedRelation,
  method: string,
  args: unknown[],
): Promise<Result> {
  if (relation.kind === 'hasOne' && !HAS_ONE_WRITES.has(method)) {
    throw runtimeError(`".${method}" is not available on the hasOne relation "${relation.name}"`)
  }
  const [first, second, third] = args
  const related = relation.related
  const options = persistOptions(third)
  const foreignKeyValue = () => {
    const value = attributeValue(parent, relation.localKey)
    if (value === undefined || value === null) {
      throw missingKeyValue('persist', relation.name, relation.parent.name, relation.localKey)
    }
    return value
  }
  const withForeignKey = (values: unknown): Payload => ({
    ...(values as Payload),
    [relation.foreignKey]: foreignKeyValue(),
  })
  switch (method) {
    case 'save':
    case 'saveMany': {
      const rows = (method === 'save' ? [first as Payload] : asRows(first)).map((row) => newUp(related, row))
      await save(runtime, parent, method)
      for (const row of rows) {
        setAttribute(row, relation.foreignKey, foreignKeyValue())
        await save(runtime, row, method)
      }
      return null
    }
    case 'create':
      await save(runtime, parent, method)
      return create(runtime, related, withForeignKey(first), persistOptions(second))
    case 'createMany': {
      await save(runtime, parent, method)
      const copies = asRows(first).map(withForeignKey)
      return createMany(runtime, related, copies, persistOptions(second))
    }
    case 'firstOrCreate':
      await save(runtime, parent, method)
      return firstOrCreate(runtime, related, withForeignKey(first), second as Payload | undefined, options)
    case 'updateOrCreate':
      await save(runtime, parent, method)
      return updateOrCreate(runtime, related, withForeignKey(first), second as Payload | undefined, options)
    case 'fetchOrCreateMany':
    case 'updateOrCreateMany': {
      await save(runtime, parent, method)
      // Lucid writes the foreign key into the caller's payload objects (here, copies of them).
      const payload = asRows(first)
      for (const row of payload) row[relation.foreignKey] = foreignKeyValue()
      const predicate = Array.isArray(second) ? second : second ? [second] : []
      const keys = [...predicate.map(String), relation.foreignKey]
      return fetchOrSaveMany(runtime, method, related, keys, payload, options)
    }
    default:
      throw runtimeError(`".${method}" is not a relation write`)
  }
}
