// The engine's entry point for previews: interpret a plan against a model graph, run each
// statement through an executor, and return Lucid's serialized result with every statement.
import { SqliteDryRunExecutor } from './connection/sqlite-dry-run-executor'
import { explainWithModels } from './connection/model-hints'
import { SqliteExecutor } from './connection/sqlite-executor'
import type { SnapshotOptions } from './connection/sqlite-snapshot'
import { markForeignKeyScans } from './explain/foreign-key-scans'
import type { ExplainMode } from './explain/plan-tree'
import type { ModelGraph } from './model-graph'
import { isWriteExecutor } from './persistence/write-executor'
import { AffectedRows, ensureDryRunFor, planWrites } from './persistence/write-steps'
import type { QueryPlan } from './plan'
import { PreviewError } from './query/errors'
import { createQueryFactory } from './query/factory'
import { repeatedStatementWarnings } from './query/repeated-statements'
import { interpret, type Awaited } from './query/interpreter'
import { checkPlan } from './query/plan-check'
import { extrasOf, serialize } from './query/model-instance'
import { ModelRegistry } from './query/model-registry'
import { Paginated } from './query/paginator'
import type { PreviewResult, ResultExtras, SerializedResult } from './query/result'
import { Runtime, type StatementExecutor } from './query/runtime'

export interface PreviewOptions {
  /** Rows read per statement at most; one more is peeked to set `truncated`. Default 100. */
  rowCap?: number
  /**
   * Opt in to dry runs: a plan that writes runs in a transaction that is always rolled back, on a
   * separate read-write connection (on SQLite, to a private copy of the file). Without it a writing
   * plan fails with `E_READ_ONLY`.
   */
  dryRun?: boolean
  /** The clock of `autoCreate`/`autoUpdate` timestamps in dry runs (tests freeze it). */
  now?: () => Date
  /**
   * Also take each read statement's query plan (`ExecutedStatement.plan`): `plan` is the estimate,
   * `analyze` runs the read once more, timed, in the same read-only or dry-run transaction.
   */
  explain?: ExplainMode
}

/** SQLite's limits (time limit, lock waits) and where a dry run puts its copy of the file. */
export interface SqlitePreviewOptions extends PreviewOptions, SnapshotOptions {}

export const DRY_RUN_WARNING = 'rolled back: nothing was written'

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
  if (options.now) runtime.now = options.now
  runtime.explain = options.explain
  let value: Awaited
  try {
    checkPlan(plan)
    ensureDryRunFor(plan, executor)
    value = await interpret(runtime, plan)
  } catch (error) {
    const failure =
      error instanceof PreviewError
        ? error
        : new PreviewError(error instanceof Error ? error.message : String(error), 'E_RUNTIME_EXCEPTION')
    failure.statements = runtime.statements
    throw failure
  }
  for (const statement of runtime.statements)
    if (statement.plan) markForeignKeyScans(statement.plan.nodes, graph)
  for (const warning of repeatedStatementWarnings(runtime.statements)) runtime.warn(warning)
  const result: PreviewResult = {
    statements: runtime.statements,
    result: serializeValue(value),
    extras: extrasValue(value),
    truncated: runtime.truncated,
    warnings: runtime.warnings,
  }
  // The caller closes a dry-run executor, which rolls back; its statements never leave a trace.
  if (isWriteExecutor(executor)) {
    result.dryRun = true
    runtime.warn(DRY_RUN_WARNING)
  }
  return result
}

/**
 * Opens `file` read-only, runs the plan, closes the connection. A plan that writes, with
 * `dryRun: true`, runs instead on a private copy of the file, in a transaction rolled back on close.
 */
export async function previewSqlite(
  graph: ModelGraph,
  plan: QueryPlan,
  file: string,
  options: SqlitePreviewOptions = {},
): Promise<PreviewResult> {
  const executor =
    options.dryRun && planWrites(plan)
      ? await SqliteDryRunExecutor.open(file, options)
      : new SqliteExecutor(file, options)
  try {
    return await runPlan(graph, plan, executor, options)
  } catch (error) {
    // A missing table or column: name the model and property that map to it.
    throw error instanceof PreviewError ? explainWithModels(error, graph) : error
  } finally {
    executor.close()
  }
}

function serializeValue(value: Awaited): SerializedResult {
  if (value === null) return null
  if (value instanceof AffectedRows) return value.counts
  if (value instanceof Paginated) return { meta: value.meta(), data: value.rows.map(serialize) }
  return Array.isArray(value) ? value.map(serialize) : serialize(value)
}

function extrasValue(value: Awaited): ResultExtras {
  if (value === null || value instanceof AffectedRows) return null
  if (value instanceof Paginated) return { data: value.rows.map(extrasOf) }
  return Array.isArray(value) ? value.map(extrasOf) : extrasOf(value)
}
