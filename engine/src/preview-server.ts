// Previews on a database server (PostgreSQL, MySQL/MariaDB): open a read-only executor, run the plan
// with the dialect's compiler, always roll back and disconnect. Missing tables and columns are
// explained with the models that map to them.
import { explainWithModels } from './connection/model-hints'
import { MysqlExecutor } from './connection/mysql-executor'
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

/** Runs a read plan on PostgreSQL inside a READ ONLY transaction that is rolled back. */
export function previewPostgres(
  graph: ModelGraph,
  plan: QueryPlan,
  connection: ServerConnection,
  options: ServerPreviewOptions = {},
): Promise<PreviewResult> {
  return previewOn(graph, plan, () => PostgresExecutor.open(connection, options), options, 'PostgreSQL')
}

/** Runs a read plan on MySQL or MariaDB inside a READ ONLY transaction that is rolled back. */
export function previewMysql(
  graph: ModelGraph,
  plan: QueryPlan,
  connection: ServerConnection,
  options: ServerPreviewOptions = {},
): Promise<PreviewResult> {
  return previewOn(graph, plan, () => MysqlExecutor.open(connection, options), options, 'MySQL')
}

async function previewOn(
  graph: ModelGraph,
  plan: QueryPlan,
  open: () => Promise<ClosableExecutor>,
  options: PreviewOptions,
  server: string,
): Promise<PreviewResult> {
  // These executors only read; dry-run writes need a read-write transaction they do not open yet.
  if (options.dryRun && planWrites(plan))
    throw new PreviewError(
      `Dry runs of writes are not available on ${server} yet (SQLite only)`,
      'E_UNSUPPORTED',
    )
  const executor = await open()
  try {
    return await runPlan(graph, plan, executor, options)
  } catch (error) {
    throw error instanceof PreviewError ? explainWithModels(error, graph) : error
  } finally {
    await executor.close()
  }
}
