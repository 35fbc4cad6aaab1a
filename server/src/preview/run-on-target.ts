// Runs a plan on a database target, for the CLI and the editor alike: SQLite in a worker process,
// PostgreSQL and MySQL/MariaDB in a READ ONLY transaction on the server. Writes run as dry runs and
// are rolled back. Cancelling (the signal) and the time limit stop the running statement.
import { previewMysql, previewPostgres, type PreviewResult } from '../../../engine/src'
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../../../engine/src/connection/server-options'
import type { ExplainMode } from '../../../engine/src/explain/plan-tree'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { previewSqliteInWorker } from './sqlite-worker'

export interface RunOptions {
  rowCap?: number
  /** Per statement on a server, for the whole preview on SQLite (default 10 000 ms). */
  timeoutMs?: number
  signal?: AbortSignal
  /** A plan that writes runs in a transaction that is rolled back; without it, it fails E_READ_ONLY. */
  dryRun?: boolean
  /** Each read's query plan too: `analyze` runs it once more, timed, inside the same transaction. */
  explain?: ExplainMode
}

/** Fails with the engine's PreviewError (`E_CONNECTION`, `E_TIMEOUT`, `E_CANCELLED`, ...). */
export function runOnTarget(
  graph: ModelGraph,
  plan: QueryPlan,
  target: IntrospectionTarget,
  options: RunOptions,
): Promise<PreviewResult> {
  const { rowCap, dryRun, signal, explain } = options
  const timeoutMs = options.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  if (target.kind === 'sqlite')
    return previewSqliteInWorker(
      { graph, plan, file: target.file, rowCap, dryRun, explain },
      { timeoutMs, signal },
    )
  const run = target.kind === 'pg' ? previewPostgres : previewMysql
  return run(graph, plan, target.connection, {
    rowCap,
    dryRun,
    explain,
    statementTimeoutMs: timeoutMs,
    signal,
  })
}
