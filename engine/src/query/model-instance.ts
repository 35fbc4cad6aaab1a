// A hydrated row, mirroring what Lucid keeps on a model instance: `$attributes` (in row column
// order, which is also serialization order), `$extras` and `$preloaded`. Built like
// `$consumeAdapterResult`: known columns become attributes, relation names are ignored, Lucid's
// internal property names are ignored, everything else lands in `$extras`.
import { consumeDateColumn, serializeDateColumn } from './date-values'
import type { ModelMeta } from './model-registry'
import type { ModelExtras, SerializedModel } from './result'

export interface ModelInstance {
  readonly model: ModelMeta
  readonly attributes: Map<string, unknown>
  readonly extras: Record<string, unknown>
  /** Keyed by relation name in the order relations were set; `null` for an empty one-to-one. */
  readonly preloaded: Map<string, ModelInstance[] | ModelInstance | null>
}

export const INTERNAL_INSTANCE_PROPERTIES = new Set([
  '$columns',
  '$attributes',
  '$original',
  '$preloaded',
  '$extras',
  '$sideloaded',
  '$isPersisted',
  '$isDeleted',
  '$isLocal',
  'modelOptions',
  'modelTrx',
  'transactionListener',
  'fillInvoked',
  'cachedGetters',
  'forceUpdate',
])

export function hydrate(model: ModelMeta, row: Record<string, unknown>): ModelInstance {
  const instance: ModelInstance = { model, attributes: new Map(), extras: {}, preloaded: new Map() }
  for (const [key, raw] of Object.entries(row)) {
    const column = model.columnForResultKey(key)
    if (column) {
      const dated = column.decorator === 'column' ? raw : consumeDateColumn(raw, model.name, column.attribute)
      instance.attributes.set(column.attribute, dated)
    } else if (!model.hasRelation(key) && !INTERNAL_INSTANCE_PROPERTIES.has(key)) {
      instance.extras[key] = raw
    }
  }
  return instance
}

/** The value of an attribute as `model[attribute]` reads it (undefined when not selected). */
export function attributeValue(instance: ModelInstance, attribute: string): unknown {
  return instance.attributes.get(attribute)
}

/** `model.serialize()` with no cherry-picking and `serializeExtras` off (Lucid's default). */
export function serialize(instance: ModelInstance): SerializedModel {
  const result: SerializedModel = {}
  for (const [attribute, value] of instance.attributes) {
    const column = instance.model.column(attribute)
    if (!column?.serializeAs) continue
    result[column.serializeAs] =
      column.decorator === 'column' ? value : serializeDateColumn(value, column.decorator)
  }
  for (const [name, value] of instance.preloaded) {
    const key = instance.model.relationInfo(name)?.serializeAs
    if (!key) continue
    result[key] = Array.isArray(value) ? value.map(serialize) : value === null ? null : serialize(value)
  }
  return result
}

/** The parallel tree of what `serialize()` left out (see `ModelExtras`). */
export function extrasOf(instance: ModelInstance): ModelExtras {
  const relations: ModelExtras['relations'] = {}
  for (const [name, value] of instance.preloaded) {
    const key = instance.model.relationInfo(name)?.serializeAs
    if (!key) continue
    relations[key] = Array.isArray(value) ? value.map(extrasOf) : value === null ? null : extrasOf(value)
  }
  return { extras: { ...instance.extras }, relations }
}
