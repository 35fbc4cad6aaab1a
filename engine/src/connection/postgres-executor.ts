// Runs previews on PostgreSQL without ever writing: one connection per preview, every statement in
// one `BEGIN READ ONLY` transaction that is always rolled back, a `statement_timeout` that the server
// enforces, and rows read through a server-side cursor so at most `rowCap + 1` rows of a statement
// ever reach this process. Bindings go to `pg` untouched, as knex's pg dialect passes them.
import type { Client, ClientConfig, QueryConfig, QueryResult } from 'pg'
import { explainStatement } from '../explain/explain-statement'
import type { ExplainMode, StatementPlan } from '../explain/plan-tree'
import { postgresStatementPlan } from '../explain/statement-plan'
import type { Row, StatementExecutor } from '../query/runtime'
import { cancelled, postgresError, type Endpoint } from './database-errors'
import { pgPackage } from './drivers'
import {
  lockWaitMs,
  statementTimeout,
  type ServerConnection,
  type ServerExecutorOptions,
} from './server-options'

const CURSOR = 'lucid_lens_preview'

/** The constructor's arguments: a connected session inside its transaction. */
export type PostgresSession = [
  pg: Client,
  config: ClientConfig,
  endpoint: Endpoint,
  timeoutMs: number,
  pid: number,
  signal: AbortSignal | undefined,
]
/** After a cancel request, how long the statement may take to stop before the socket is dropped. */
const CANCEL_GRACE_MS = 2_000

export class PostgresExecutor implements StatementExecutor {
  readonly client = 'pg'
  private inFlight: Promise<unknown> | undefined
  protected cancelRequested = false
  private readonly onAbort = () => void this.cancel()
  /** The read statement run last: the only one `explain` may prefix. */
  private lastRead: string | undefined

  protected constructor(
    private readonly pg: Client,
    private readonly config: ClientConfig,
    protected readonly endpoint: Endpoint,
    protected readonly timeoutMs: number,
    private readonly pid: number,
    protected readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  /** Connects and opens the read-only transaction; fails with an actionable PreviewError. */
  static open(connection: ServerConnection, options: ServerExecutorOptions = {}): Promise<PostgresExecutor> {
    return PostgresExecutor.connect(
      connection,
      options,
      'BEGIN TRANSACTION READ ONLY',
      (...args) => new PostgresExecutor(...args),
    )
  }

  /** Connects and begins `begin` with the session limits; `make` builds the executor on it. */
  protected static async connect<E extends PostgresExecutor>(
    connection: ServerConnection,
    options: ServerExecutorOptions,
    begin: string,
    make: (...args: PostgresSession) => E,
  ): Promise<E> {
    const timeoutMs = statementTimeout(options)
    const port = connection.port ?? 5432
    const endpoint: Endpoint = { dialect: 'PostgreSQL', ...connection, port }
    if (options.signal?.aborted) throw cancelled()
    const config: ClientConfig = {
      ...connection,
      port,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'lucid-lens preview',
    }
    const pg = new (pgPackage().Client)(config)
    // A connection lost between statements surfaces as the next query's error, not as a crash.
    pg.on('error', () => undefined)
    try {
      await pg.connect()
      // The idle timeout ends a transaction a crashed preview would otherwise hold open.
      await pg.query(
        `${begin}; SET LOCAL statement_timeout = ${timeoutMs}; ` +
          `SET LOCAL lock_timeout = ${lockWaitMs(timeoutMs)}; ` +
          `SET LOCAL idle_in_transaction_session_timeout = ${Math.max(timeoutMs, 60_000)}`,
      )
      const { rows } = await pg.query<{ pid: number }>('select pg_backend_pid() as pid')
      return make(pg, config, endpoint, timeoutMs, rows[0]?.pid ?? 0, options.signal)
    } catch (error) {
      await pg.end().catch(() => undefined)
      throw postgresError(error, endpoint, timeoutMs)
    }
  }

  async run(
    sql: string,
    bindings: readonly unknown[],
    rowCap: number,
  ): Promise<{ rows: Row[]; truncated: boolean }> {
    if (this.cancelRequested || this.signal?.aborted) throw cancelled()
    // The row count is pasted into FETCH: only a whole number may get there.
    if (!Number.isSafeInteger(rowCap) || rowCap < 0)
      throw new RangeError(`rowCap must be a whole number, not ${String(rowCap)}`)
    this.lastRead = sql
    try {
      await this.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, values: [...bindings] })
      const { rows } = await this.query(`FETCH ${rowCap + 1} FROM ${CURSOR}`)
      await this.query(`CLOSE ${CURSOR}`)
      const truncated = rows.length > rowCap
      return { rows: truncated ? rows.slice(0, rowCap) : rows, truncated }
    } catch (error) {
      throw this.cancelRequested ? cancelled() : postgresError(error, this.endpoint, this.timeoutMs)
    }
  }

  /**
   * The plan of the read run last, in the same transaction (READ ONLY, or the dry run's): ANALYZE
   * runs the select once more and is limited by the same statement timeout.
   */
  async explain(sql: string, bindings: readonly unknown[], mode: ExplainMode): Promise<StatementPlan> {
    const text = explainStatement('postgres', mode, sql, this.lastRead)
    if (this.cancelRequested || this.signal?.aborted) throw cancelled()
    try {
      const { rows } = await this.query({ text, values: [...bindings] })
      return postgresStatementPlan(rows[0], mode)
    } catch (error) {
      throw this.cancelRequested ? cancelled() : postgresError(error, this.endpoint, this.timeoutMs)
    }
  }

  /** Rolls back and disconnects; never throws (the transaction dies with the session anyway). */
  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort)
    try {
      await this.pg.query('ROLLBACK')
    } catch {
      // The session is gone or was cancelled: nothing was written, nothing to roll back.
    }
    await this.pg.end().catch(() => undefined)
  }

  protected async query(query: QueryConfig | string): Promise<QueryResult<Row>> {
    if (this.cancelRequested) throw cancelled()
    const pending = this.pg.query<Row>(query)
    this.inFlight = pending
    try {
      return await pending
    } finally {
      this.inFlight = undefined
    }
  }

  /**
   * Stops the running statement the way psql's Ctrl+C does: `pg_cancel_backend` from a second
   * session. Should that not end it in time, the socket is dropped so the preview fails at once; the
   * server then ends the session when it next writes to it, at the latest at `statement_timeout`.
   */
  private async cancel(): Promise<void> {
    this.cancelRequested = true
    const running = this.inFlight
    if (!running) return
    const side = new (pgPackage().Client)(this.config)
    side.on('error', () => undefined)
    try {
      await side.connect()
      await side.query('select pg_cancel_backend($1)', [this.pid])
    } catch {
      // Fall through to the socket fallback.
    } finally {
      await side.end().catch(() => undefined)
    }
    const settled = await Promise.race([
      running.then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => setTimeout(resolve, CANCEL_GRACE_MS, false).unref()),
    ])
    if (!settled)
      (this.pg as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
  }
}
