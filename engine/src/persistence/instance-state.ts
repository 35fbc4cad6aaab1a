// What Lucid tracks on a model instance for persistence and the engine's read path does not need:
// whether it is persisted, and `$original` for the dirty diff. Kept beside the instance in a WeakMap
// so read-only instances stay plain; an instance hydrated from a row is persisted with the original
// taken before the first change, which is what `$hydrateOriginals` gives at hydration time.
import { DateColumnValue } from '../query/date-values'
import { runtimeError } from '../query/errors'
import { INTERNAL_INSTANCE_PROPERTIES, type ModelInstance } from '../query/model-instance'
import type { ModelMeta } from '../query/model-registry'

export type Payload = Record<string, unknown>

interface PersistenceState {
  persisted: boolean
  original: Map<string, unknown>
}

const states = new WeakMap<ModelInstance, PersistenceState>()

function state(instance: ModelInstance): PersistenceState {
  let found = states.get(instance)
  if (!found) {
    found = { persisted: true, original: new Map(instance.attributes) }
    states.set(instance, found)
  }
  return found
}

/**
 * A plan's array of payload objects, copied: Lucid may write into the caller's objects (the foreign
 * key of `fetchOrCreateMany`), and the plan must stay unchanged for the next run.
 */
export function asRows(value: unknown): Payload[] {
  if (!Array.isArray(value)) throw runtimeError('Expected an array of objects')
  return value.map((row) => ({ ...(row as Payload) }))
}

/** `new Model()`: no attributes, not persisted. */
export function newInstance(model: ModelMeta): ModelInstance {
  const instance: ModelInstance = { model, attributes: new Map(), extras: {}, preloaded: new Map() }
  states.set(instance, { persisted: false, original: new Map() })
  return instance
}

/** `Model.newUpWithOptions(payload)`: a new instance merged with the payload. */
export function newUp(model: ModelMeta, payload: Payload, allowExtraProperties = false): ModelInstance {
  return merge(newInstance(model), payload, allowExtraProperties)
}

export function isPersisted(instance: ModelInstance): boolean {
  return state(instance).persisted
}

/** `model[attribute] = value`; the original is captured first, so the change shows as dirty. */
export function setAttribute(instance: ModelInstance, attribute: string, value: unknown): void {
  state(instance)
  instance.attributes.set(attribute, value)
}

/** Lucid's `merge`: attribute names, then column names; relations and internals are skipped. */
export function merge(instance: ModelInstance, values: unknown, allowExtraProperties = false): ModelInstance {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return instance
  const model = instance.model
  for (const [key, value] of Object.entries(values)) {
    const attribute = model.column(key)?.attribute ?? model.columnByName(key)?.attribute
    if (attribute) setAttribute(instance, attribute, value)
    else if (model.hasRelation(key) || INTERNAL_INSTANCE_PROPERTIES.has(key)) continue
    else if (!allowExtraProperties) {
      throw runtimeError(
        `Cannot define "${key}" on "${model.name}" model, since it is not defined as a model property`,
      )
    } else instance.extras[key] = value
  }
  return instance
}

/** `$dirty`: every attribute of a new instance, else those unequal to the original. */
export function dirtyAttributes(instance: ModelInstance): Map<string, unknown> {
  const { persisted, original } = state(instance)
  if (!persisted) return new Map(instance.attributes)
  const dirty = new Map<string, unknown>()
  for (const [key, value] of instance.attributes) {
    if (!compareValues(original.get(key), value)) dirty.set(key, value)
  }
  return dirty
}

/** After an insert or update: `$hydrateOriginals()` and `$isPersisted = true`. */
export function markPersisted(instance: ModelInstance): void {
  states.set(instance, { persisted: true, original: new Map(instance.attributes) })
}

/**
 * Lucid's `compareValues` (v20.6+): two dates compare by instant (luxon `equals`, false for invalid
 * ones), a date and anything else by `===`, the rest with strict `fast-deep-equal`.
 */
export function compareValues(a: unknown, b: unknown): boolean {
  if (a instanceof DateColumnValue || b instanceof DateColumnValue) {
    if (a instanceof DateColumnValue && b instanceof DateColumnValue) return a.iso !== null && a.iso === b.iso
    return a === b
  }
  return deepEqual(a, b)
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (a.constructor !== b.constructor) return false
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
    }
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    return keys.every(
      (key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(left[key], right[key]),
    )
  }
  // fast-deep-equal treats NaN as equal to NaN.
  return a !== a && b !== b
}
