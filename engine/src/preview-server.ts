// Previews on a database server (PostgreSQL, MySQL/MariaDB): open a read-only executor, run the plan
// with the dialect's compiler, always roll back and disconnect. Missing tables and columns are
// explained with the models that map to them.
import { explainWithModels } from './connection/model-hints'
import { MysqlDryRunExecutor } from './connection/mysql-dry-run-executor'
import { MysqlExecutor } from './connection/mysql-executor'
import { PostgresDryRunExecutor } from './connection/postgres-dry-run-executor'
import { PostgresExecutor } from './connection/postgres-executor'
import type { ServerConnection, ServerExecutorOptions } from './connection/server-options'
import type { ModelGraph } from './model-graph'
import { planWrites } from './persistence/write-steps'
import type { QueryPlan } from './plan'
import { runPlan, type PreviewOptions } from './preview'
import { PreviewError } from './query/errors'
import type { PreviewResult } from './query/result'
import type { StatementExecutor } from './query/runtime'

export interface ServerPreviewOptions extends PreviewOptions, ServerExecutorOptions {}

interface ClosableExecutor extends StatementExecutor {
  close(): Promise<void>
}

/**
 * What a dry run on a server cannot undo: every row is rolled back, but a sequence (PostgreSQL) or
 * AUTO_INCREMENT counter (InnoDB) that an insert advanced stays advanced, by design of both servers.
 */
export const SEQUENCE_WARNING =
  'ids drawn by the inserts stay used: PostgreSQL sequences and MySQL AUTO_INCREMENT counters are never rolled back'

/**
 * Runs a plan on PostgreSQL: reads inside a READ ONLY transaction, a writing plan with `dryRun`
 * inside a read-write transaction; both are always rolled back.
 */
export function previewPostgres(
  graph: ModelGraph,
  plan: QueryPlan,
  connection: ServerConnection,
  options: ServerPreviewOptions = {},
): Promise<PreviewResult> {
  const open = dryRunOf(plan, options)
    ? () => PostgresDryRunExecutor.openDryRun(connection, options)
    : () => PostgresExecutor.open(connection, options)
  return previewOn(graph, plan, open, options)
}

/** The same on MySQL or MariaDB (a write to a non-transactional table is refused). */
export function previewMysql(
  graph: ModelGraph,
  plan: QueryPlan,
  connection: ServerConnection,
  options: ServerPreviewOptions = {},
): Promise<PreviewResult> {
  const open = dryRunOf(plan, options)
    ? () => MysqlDryRunExecutor.openDryRun(connection, options)
    : () => MysqlExecutor.open(connection, options)
  return previewOn(graph, plan, open, options)
}

/** Reads never get a writable transaction, even when dry runs are allowed. */
function dryRunOf(plan: QueryPlan, options: PreviewOptions): boolean {
  return options.dryRun === true && planWrites(plan)
}

async function previewOn(
  graph: ModelGraph,
  plan: QueryPlan,
  open: () => Promise<ClosableExecutor>,
  options: PreviewOptions,
): Promise<PreviewResult> {
  const executor = await open()
  try {
    const result = await runPlan(graph, plan, executor, options)
    if (result.dryRun && result.statements.some((s) => /^\s*insert\b/i.test(s.sql)))
      result.warnings.push(SEQUENCE_WARNING)
    return result
  } catch (error) {
    throw error instanceof PreviewError ? explainWithModels(error, graph) : error
  } finally {
    await executor.close()
  }
}
