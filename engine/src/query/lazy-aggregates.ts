// `instance.loadCount(name, cb)` / `loadAggregate(name, cb)`: Lucid's `LazyLoadAggregates`. The
// query is the instance's refresh query (`where <pk column> = <pk>`) selecting the primary key
// only; chained loadCount/loadAggregate calls add subqueries to that one query, which runs once
// when awaited and is merged into the instance like `$consumeAdapterResult` (counts in extras).
import { isPersisted } from '../persistence/instance-state'
import type { UserCallback } from './chainable'
import { runtimeError } from './errors'
import { attributeValue, type ModelInstance } from './model-instance'
import type { ModelQuery } from './model-query'
import type { Runtime } from './runtime'

export const LAZY_AGGREGATE_METHODS = new Set(['loadCount', 'loadAggregate'])

export class LazyAggregates {
  private readonly query: ModelQuery

  constructor(
    runtime: Runtime,
    readonly instance: ModelInstance,
  ) {
    if (!isPersisted(instance)) {
      throw runtimeError('Cannot lazy load relationship aggregates for an unpersisted model instance')
    }
    const model = instance.model
    this.query = runtime.factory
      .modelQuery(model)
      .where(model.resolveKey(model.primaryKey), attributeValue(instance, model.primaryKey))
      .select(model.primaryKey)
  }

  add(method: string, name: unknown, callback: unknown): this {
    if (method === 'loadCount') {
      this.query.withCount(String(name), callback as UserCallback<ModelQuery> | undefined)
    } else {
      if (typeof callback !== 'function') throw runtimeError('"loadAggregate" expects a callback')
      this.query.withAggregate(String(name), callback as UserCallback<ModelQuery>)
    }
    return this
  }

  async exec(): Promise<ModelInstance> {
    const row = await this.query.first()
    if (!row) return this.instance
    for (const [attribute, value] of row.attributes) this.instance.attributes.set(attribute, value)
    Object.assign(this.instance.extras, row.extras)
    return this.instance
  }
}
