// Walks a plan's calls like the awaited Lucid chain: model class statics, then a builder (sync
// calls), then what a terminal call resolved to (an instance, its relation client, an array).
// After every awaited step the runtime's preload queue is drained, as Lucid awaits preloads there.
import type { Call, QueryPlan } from '../plan'
import { AffectedRows, writeStep } from '../persistence/write-steps'
import { applyBuilderCall, isBuilderMethod, toArgs } from './builder-calls'
import type { UserCallback } from './chainable'
import { runtimeError, unregisteredRelationship, unsupported } from './errors'
import { LAZY_AGGREGATE_METHODS, LazyAggregates } from './lazy-aggregates'
import type { ModelInstance } from './model-instance'
import type { ModelQuery } from './model-query'
import { Paginated } from './paginator'
import type { BootedRelation, ModelMeta } from './model-registry'
import { Preloader } from './preloader'
import type { Runtime } from './runtime'

export type Awaited = ModelInstance | ModelInstance[] | Paginated | AffectedRows | null

export type Stage =
  | { kind: 'class'; model: ModelMeta }
  | { kind: 'query'; query: ModelQuery }
  | { kind: 'value'; value: Awaited }
  | { kind: 'relation'; parent: ModelInstance; relation: BootedRelation }
  | { kind: 'aggregates'; loader: LazyAggregates }

export async function interpret(runtime: Runtime, plan: QueryPlan): Promise<Awaited> {
  let stage: Stage = { kind: 'class', model: runtime.registry.model(plan.model) }
  for (const call of plan.calls) {
    stage = await step(runtime, stage, call)
    await runtime.drain()
  }
  if (stage.kind === 'query') {
    const value = await stage.query.exec()
    await runtime.drain()
    return value
  }
  if (stage.kind === 'value') return stage.value
  if (stage.kind === 'aggregates') {
    const value = await stage.loader.exec()
    await runtime.drain()
    return value
  }
  throw runtimeError(
    `The plan ends at ${stage.kind === 'class' ? 'a model class' : 'a relation'}, before any query`,
  )
}

async function step(runtime: Runtime, stage: Stage, call: Call): Promise<Stage> {
  // Writes (dry runs only) and `new`/`merge` first; everything else is a read.
  const written = await writeStep(runtime, stage, call)
  if (written) return written
  switch (stage.kind) {
    case 'class':
      return classCall(runtime, stage.model, call)
    case 'query':
      return queryCall(stage.query, call)
    case 'relation':
      if (call.method !== 'query') throw unsupported(call.method)
      return { kind: 'query', query: runtime.factory.relatedQuery(stage.relation, stage.parent) }
    case 'value':
      return valueCall(runtime, stage.value, call)
    case 'aggregates': {
      const [name, callback] = toArgs(call.args)
      if (LAZY_AGGREGATE_METHODS.has(call.method)) {
        stage.loader.add(call.method, name, callback)
        return stage
      }
      // Any other call awaits the pending aggregates first, as `await user.loadCount(...)` does.
      return step(runtime, { kind: 'value', value: await stage.loader.exec() }, call)
    }
  }
}

/** Model statics, defined like Lucid's BaseModel on top of `query()`. */
async function classCall(runtime: Runtime, model: ModelMeta, call: Call): Promise<Stage> {
  const [key, value] = toArgs(call.args)
  const query = () => runtime.factory.modelQuery(model)
  const found = (instance: ModelInstance | null): Stage => ({ kind: 'value', value: instance })
  const expects = (given: unknown) => {
    if (given === undefined) throw runtimeError(`"${call.method}" expects a value. Received undefined`)
  }
  const lookup = async (orFail: boolean, column: unknown, given: unknown): Promise<Stage> => {
    if (typeof column !== 'object') expects(given)
    const builder = typeof column === 'object' ? query().where(column) : query().where(column, given)
    return found(orFail ? await builder.firstOrFail() : await builder.first())
  }
  switch (call.method) {
    case 'query':
      return { kind: 'query', query: query() }
    case 'find':
    case 'findOrFail':
      expects(key)
      return lookup(call.method === 'findOrFail', model.primaryKey, key)
    case 'findBy':
    case 'findByOrFail':
      return lookup(call.method === 'findByOrFail', key, value)
    case 'first':
      return found(await query().first())
    case 'firstOrFail':
      return found(await query().firstOrFail())
    case 'all':
      return { kind: 'value', value: await query().orderBy(model.primaryKey, 'desc').exec() }
    default:
      throw unsupported(call.method)
  }
}

async function queryCall(query: ModelQuery, call: Call): Promise<Stage> {
  switch (call.method) {
    case 'first':
      return { kind: 'value', value: await query.first() }
    case 'firstOrFail':
      return { kind: 'value', value: await query.firstOrFail() }
    case 'exec':
      return { kind: 'value', value: await query.exec() }
    case 'paginate': {
      const [page, perPage] = toArgs(call.args)
      return { kind: 'value', value: await query.paginate(page, perPage) }
    }
  }
  if (!isBuilderMethod(call.method)) throw unsupported(call.method)
  applyBuilderCall(query, call)
  return { kind: 'query', query }
}

/** Calls on an awaited value: `related()` and `load()` on an instance. */
async function valueCall(runtime: Runtime, value: Awaited, call: Call): Promise<Stage> {
  if (value === null) throw new TypeError(`Cannot read properties of null (reading '${call.method}')`)
  if (Array.isArray(value) || value instanceof AffectedRows || value instanceof Paginated)
    throw unsupported(call.method)
  const [name, callback] = toArgs(call.args)
  if (call.method === 'related') {
    if (!value.model.hasRelation(String(name))) throw unregisteredRelationship(String(name))
    return { kind: 'relation', parent: value, relation: runtime.registry.boot(value.model, String(name)) }
  }
  if (LAZY_AGGREGATE_METHODS.has(call.method)) {
    return { kind: 'aggregates', loader: new LazyAggregates(runtime, value).add(call.method, name, callback) }
  }
  if (call.method === 'load') {
    if (typeof name !== 'string') throw unsupported('load(callback)')
    new Preloader(value.model, runtime)
      .load(name, callback as UserCallback<ModelQuery>)
      .processAllForOne(value)
    return { kind: 'value', value }
  }
  throw unsupported(call.method)
}
