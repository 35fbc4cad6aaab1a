// The engine's entry point for read previews: interpret a plan against a model graph, run each
// statement through an executor, and return Lucid's serialized result with every statement.
import { SqliteExecutor } from './connection/sqlite-executor'
import type { ModelGraph } from './model-graph'
import type { QueryPlan } from './plan'
import { PreviewError } from './query/errors'
import { createQueryFactory } from './query/factory'
import { interpret, type Awaited } from './query/interpreter'
import { extrasOf, serialize } from './query/model-instance'
import { ModelRegistry } from './query/model-registry'
import type { PreviewResult, ResultExtras, SerializedResult } from './query/result'
import { Runtime, type StatementExecutor } from './query/runtime'

export interface PreviewOptions {
  /** Rows read per statement at most; one more is peeked to set `truncated`. Default 100. */
  rowCap?: number
}

export const DEFAULT_ROW_CAP = 100

/**
 * Runs a read plan. Throws a `PreviewError` (Lucid's message where Lucid throws) carrying the
 * statements that ran before the failure; database errors are wrapped the same way.
 */
export async function runPlan(
  graph: ModelGraph,
  plan: QueryPlan,
  executor: StatementExecutor,
  options: PreviewOptions = {},
): Promise<PreviewResult> {
  const runtime = new Runtime(
    new ModelRegistry(graph),
    executor,
    options.rowCap ?? DEFAULT_ROW_CAP,
    createQueryFactory,
  )
  let value: Awaited
  try {
    value = await interpret(runtime, plan)
  } catch (error) {
    const failure =
      error instanceof PreviewError
        ? error
        : new PreviewError(error instanceof Error ? error.message : String(error), 'E_RUNTIME_EXCEPTION')
    failure.statements = runtime.statements
    throw failure
  }
  return {
    statements: runtime.statements,
    result: serializeValue(value),
    extras: extrasValue(value),
    truncated: runtime.truncated,
    warnings: runtime.warnings,
  }
}

/** Opens `file` read-only, runs the plan, closes the connection. */
export async function previewSqlite(
  graph: ModelGraph,
  plan: QueryPlan,
  file: string,
  options: PreviewOptions = {},
): Promise<PreviewResult> {
  const executor = new SqliteExecutor(file)
  try {
    return await runPlan(graph, plan, executor, options)
  } finally {
    executor.close()
  }
}

function serializeValue(value: Awaited): SerializedResult {
  if (value === null) return null
  return Array.isArray(value) ? value.map(serialize) : serialize(value)
}

function extrasValue(value: Awaited): ResultExtras {
  if (value === null) return null
  return Array.isArray(value) ? value.map(extrasOf) : extrasOf(value)
}
