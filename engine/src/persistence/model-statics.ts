// Lucid's persistence statics on a model class (orm/base_model `create` ... `updateOrCreateMany`),
// step for step: the same lookups (`where(search).first()`, one `whereIn` per unique key in order),
// the same merge order, strict key equality in `newUpIfMissing`, and one statement per saved row.
// Lucid wraps some of them in a managed transaction; a dry run already is one, so none is opened.
import { runtimeError } from '../query/errors'
import { attributeValue, type ModelInstance } from '../query/model-instance'
import type { ModelMeta } from '../query/model-registry'
import type { Runtime } from '../query/runtime'
import { compareValues, isPersisted, merge, newUp, type Payload } from './instance-state'
import { save } from './save'

export interface PersistOptions {
  allowExtraProperties?: boolean
}

/** The options argument of a plan call; only `allowExtraProperties` matters to a dry run. */
export function persistOptions(value: unknown): PersistOptions {
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  return { allowExtraProperties: record.allowExtraProperties === true }
}

export async function create(
  runtime: Runtime,
  model: ModelMeta,
  values: Payload,
  options: PersistOptions = {},
): Promise<ModelInstance> {
  return save(runtime, newUp(model, values, options.allowExtraProperties), 'create')
}

export async function createMany(
  runtime: Runtime,
  model: ModelMeta,
  values: Payload[],
  options: PersistOptions = {},
): Promise<ModelInstance[]> {
  const instances: ModelInstance[] = []
  for (const row of values) instances.push(await create(runtime, model, row, options))
  return instances
}

export async function firstOrCreate(
  runtime: Runtime,
  model: ModelMeta,
  search: Payload,
  savePayload: Payload | undefined,
  options: PersistOptions = {},
): Promise<ModelInstance> {
  const row = await runtime.factory.modelQuery(model).where(search).first()
  if (row) return row
  return save(
    runtime,
    newUp(model, { ...search, ...savePayload }, options.allowExtraProperties),
    'firstOrCreate',
  )
}

export async function updateOrCreate(
  runtime: Runtime,
  model: ModelMeta,
  search: Payload,
  updatePayload: Payload | undefined,
  options: PersistOptions = {},
): Promise<ModelInstance> {
  const query = runtime.factory.modelQuery(model)
  query.knexQuery.forUpdate()
  const found = await query.where(search).first()
  const row = found
    ? merge(found, updatePayload, options.allowExtraProperties)
    : newUp(model, { ...search, ...updatePayload }, options.allowExtraProperties)
  return save(runtime, row, 'updateOrCreate')
}

type ManyMethod = 'fetchOrCreateMany' | 'updateOrCreateMany'

/**
 * `fetchOrCreateMany` saves only the rows it created; `updateOrCreateMany` locks the lookup, merges
 * each payload row into its match and saves every row (an update only when dirty).
 */
export async function fetchOrSaveMany(
  runtime: Runtime,
  method: ManyMethod,
  model: ModelMeta,
  uniqueKeys: string | string[],
  payload: Payload[],
  options: PersistOptions = {},
): Promise<ModelInstance[]> {
  const keys = Array.isArray(uniqueKeys) ? uniqueKeys : [uniqueKeys]
  const pairs = keys.map((key) => ({ key, values: collectValues(payload, key, method) }))
  const query = runtime.factory.modelQuery(model)
  if (method === 'updateOrCreateMany') query.knexQuery.forUpdate()
  for (const { key, values } of pairs) query.whereIn('whereIn', key, values)
  const existing = await query.exec()
  const merging = method === 'updateOrCreateMany'
  // Lucid 18 (v5) compared with loose `==`; 20.6+ strictly (a v6 app on 20.0-20.5 is loose too).
  const equal = runtime.registry.generation === 'v5' ? looseEqual : compareValues
  const rows = payload.map((row) => {
    const match = existing.find((candidate) =>
      keys.every((key) => equal(attributeValue(candidate, key), row[key])),
    )
    if (!match) return newUp(model, row, options.allowExtraProperties)
    return merging ? merge(match, row, options.allowExtraProperties) : match
  })
  for (const row of rows) {
    if (merging || !isPersisted(row)) await save(runtime, row, method)
  }
  return rows
}

/** Every payload value of `key`, duplicates kept; a missing one fails like Lucid. */
function collectValues(payload: Payload[], key: string, method: ManyMethod): unknown[] {
  return payload.map((row) => {
    const value = row[key]
    if (value === undefined || value === null) {
      throw runtimeError(`Value for the "${key}" is null or undefined inside "${method}" payload`)
    }
    return value
  })
}

function looseEqual(a: unknown, b: unknown): boolean {
  // Lucid 18's newUpIfMissing compares with ==.
  return a == b
}
