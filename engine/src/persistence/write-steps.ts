// The write calls of a plan, tried by the interpreter before its read steps: model statics
// (`create`, `firstOrCreate`, ...), relation writes (`related('posts').create(...)`), query writes
// (`query().where(...).update({...})`), and instance calls (`new User()`, `merge`, `save`, `delete`).
// Every write first checks that the preview is a dry run, so a read-only preview refuses it before
// any statement runs; `new` and `merge` only change memory and run anywhere.
import type { Call, QueryPlan } from '../plan'
import { toArgs } from '../query/builder-calls'
import { unsupported } from '../query/errors'
import type { Stage } from '../query/interpreter'
import { ManyToManyQuery } from '../query/many-to-many-query'
import type { ModelMeta } from '../query/model-registry'
import { Paginated } from '../query/paginator'
import type { Runtime, StatementExecutor } from '../query/runtime'
import { asRows, merge, newInstance, type Payload } from './instance-state'
import {
  create,
  createMany,
  fetchOrSaveMany,
  firstOrCreate,
  persistOptions,
  updateOrCreate,
} from './model-statics'
import { QUERY_WRITES, queryWrite } from './query-writes'
import { RELATION_WRITES, relationWrite } from './relation-client'
import { deleteInstance, save } from './save'
import { ensureDryRun } from './write-executor'

/** What `update()`/`delete()` resolve to: Lucid returns the raw `[affectedRows]` array. */
export class AffectedRows {
  constructor(readonly counts: number[]) {}
}

const CLASS_WRITES = new Set([
  'create',
  'createMany',
  'firstOrCreate',
  'updateOrCreate',
  'fetchOrCreateMany',
  'updateOrCreateMany',
])

/** Every plan method that writes; a plan naming none of them never needs a dry-run connection. */
const WRITE_METHODS = new Set([...CLASS_WRITES, ...RELATION_WRITES, ...QUERY_WRITES, 'save'])

/** Does the plan write? Only its own chain can: callbacks hold builder calls, never writes. */
export function planWrites(plan: QueryPlan): boolean {
  return plan.calls.some((call) => WRITE_METHODS.has(call.method))
}

/** Refuses a writing plan on a read-only executor before any of its statements (reads too) runs. */
export function ensureDryRunFor(plan: QueryPlan, executor: StatementExecutor): void {
  const write = plan.calls.find((call) => WRITE_METHODS.has(call.method))
  if (write) ensureDryRun(executor, write.method)
}

export async function writeStep(runtime: Runtime, stage: Stage, call: Call): Promise<Stage | undefined> {
  const { method } = call
  switch (stage.kind) {
    case 'class':
      if (method === 'new') return done(newInstance(stage.model))
      if (!CLASS_WRITES.has(method)) return undefined
      ensureDryRun(runtime.executor, method)
      return done(await classWrite(runtime, stage.model, method, toArgs(call.args)))
    case 'relation':
      // belongsTo's associate/dissociate and manyToMany's writes (attach, sync, create...) are not run.
      if (!RELATION_WRITES.has(method) || stage.relation.kind === 'belongsTo') return undefined
      if (stage.relation.kind === 'manyToMany') throw unsupported(method)
      ensureDryRun(runtime.executor, method)
      return done(await relationWrite(runtime, stage.parent, stage.relation, method, toArgs(call.args)))
    case 'query':
      if (!QUERY_WRITES.has(method)) return undefined
      // Lucid scopes these to the pivot table; previews do not write through manyToMany.
      if (stage.query instanceof ManyToManyQuery) throw unsupported(method)
      ensureDryRun(runtime.executor, method)
      return done(new AffectedRows(await queryWrite(stage.query, method, toArgs(call.args))))
    case 'value': {
      const instance = stage.value
      if (
        instance === null ||
        Array.isArray(instance) ||
        instance instanceof AffectedRows ||
        instance instanceof Paginated
      )
        return undefined
      const [payload, allowExtraProperties] = toArgs(call.args)
      if (method === 'merge') return done(merge(instance, payload, allowExtraProperties === true))
      if (method !== 'save' && method !== 'delete') return undefined
      ensureDryRun(runtime.executor, method)
      if (method === 'save') return done(await save(runtime, instance))
      await deleteInstance(runtime, instance)
      return done(null)
    }
  }
}

function done(value: Extract<Stage, { kind: 'value' }>['value']): Stage {
  return { kind: 'value', value }
}

async function classWrite(runtime: Runtime, model: ModelMeta, method: string, args: unknown[]) {
  const [first, second, third] = args
  switch (method) {
    case 'create':
      return create(runtime, model, first as Payload, persistOptions(second))
    case 'createMany':
      return createMany(runtime, model, asRows(first), persistOptions(second))
    case 'firstOrCreate':
      return firstOrCreate(runtime, model, first as Payload, second as Payload, persistOptions(third))
    case 'updateOrCreate':
      return updateOrCreate(runtime, model, first as Payload, second as Payload, persistOptions(third))
    default: {
      const many = method as 'fetchOrCreateMany' | 'updateOrCreateMany'
      const keys = first as string | string[]
      return fetchOrSaveMany(runtime, many, model, keys, asRows(second), persistOptions(third))
    }
  }
}
