// Runs previews on MySQL/MariaDB without ever writing: one connection per preview, every statement in
// one `START TRANSACTION READ ONLY` that is always rolled back, a server-enforced time limit
// (MariaDB `max_statement_time`, MySQL `max_execution_time`), and rows streamed one at a time: at
// `rowCap + 1` the rest is dropped and the statement is stopped with `KILL QUERY` from a side session.
// Bindings go to mysql2 untouched, as knex's mysql2 dialect passes them.
import type * as mysql from 'mysql2'
import { explainStatement } from '../explain/explain-statement'
import type { ExplainMode, StatementPlan } from '../explain/plan-tree'
import { mysqlStatementPlan } from '../explain/statement-plan'
import type { Row, StatementExecutor } from '../query/runtime'
import { cancelled, DatabaseError, mysqlError, type Endpoint } from './database-errors'
import { mysql2Package } from './drivers'
import {
  lockWaitMs,
  statementTimeout,
  wholeSeconds,
  type ServerConnection,
  type ServerExecutorOptions,
} from './server-options'

const QUERY_INTERRUPTED = 1317

/** The constructor's arguments: a connected session inside its transaction. */
export type MysqlSession = [
  connection: mysql.Connection,
  settings: mysql.ConnectionOptions,
  endpoint: Endpoint,
  timeoutMs: number,
  signal: AbortSignal | undefined,
]
/**
 * MySQL/MariaDB commit the open transaction implicitly before DDL and then run it, READ ONLY or
 * not, so anything that is not a plain select is refused before it reaches the server.
 */
const READ_STATEMENT = /^[\s(]*select\b/i

export class MysqlExecutor implements StatementExecutor {
  readonly client = 'mysql2'
  private running: mysql.Query | undefined
  protected cancelRequested = false
  private side: Promise<mysql.Connection> | undefined
  private readonly onAbort = () => void this.cancel()
  /** The read statement run last: the only one `explain` may prefix. */
  private lastRead: string | undefined
  /** MariaDB, whose plans differ from MySQL's (set on connect). */
  protected mariadb = false

  protected constructor(
    protected readonly connection: mysql.Connection,
    private readonly settings: mysql.ConnectionOptions,
    protected readonly endpoint: Endpoint,
    protected readonly timeoutMs: number,
    protected readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  static open(connection: ServerConnection, options: ServerExecutorOptions = {}): Promise<MysqlExecutor> {
    return MysqlExecutor.connect(
      connection,
      options,
      'START TRANSACTION READ ONLY',
      (...args) => new MysqlExecutor(...args),
    )
  }

  /** Connects, sets the session's time limit and runs `begin`; `make` builds the executor on it. */
  protected static async connect<E extends MysqlExecutor>(
    connection: ServerConnection,
    options: ServerExecutorOptions,
    begin: string,
    make: (...args: MysqlSession) => E,
  ): Promise<E> {
    const timeoutMs = statementTimeout(options)
    const port = connection.port ?? 3306
    const endpoint: Endpoint = { dialect: 'MySQL', ...connection, port }
    if (options.signal?.aborted) throw cancelled()
    const settings: mysql.ConnectionOptions = { ...connection, port, connectTimeout: timeoutMs }
    let raw: mysql.Connection | undefined
    try {
      raw = await connect(settings)
      const [version] = await query<{ version: string }>(raw, 'select version() as version')
      // MariaDB counts seconds in max_statement_time; MySQL counts milliseconds in max_execution_time.
      await query(
        raw,
        /mariadb/i.test(version?.version ?? '')
          ? `SET SESSION max_statement_time = ${timeoutMs / 1000}`
          : `SET SESSION max_execution_time = ${timeoutMs}`,
      )
      const lockWait = wholeSeconds(lockWaitMs(timeoutMs))
      await query(raw, `SET SESSION innodb_lock_wait_timeout = ${lockWait}, lock_wait_timeout = ${lockWait}`)
      await query(raw, begin)
      const executor = make(raw, settings, endpoint, timeoutMs, options.signal)
      executor.mariadb = /mariadb/i.test(version?.version ?? '')
      return executor
    } catch (error) {
      raw?.destroy()
      throw mysqlError(error, endpoint, timeoutMs)
    }
  }

  run(
    sql: string,
    bindings: readonly unknown[],
    rowCap: number,
  ): Promise<{ rows: Row[]; truncated: boolean }> {
    if (this.cancelRequested || this.signal?.aborted) return Promise.reject(cancelled())
    if (!READ_STATEMENT.test(sql))
      return Promise.reject(new DatabaseError('Only read statements run in previews', 'E_READ_ONLY'))
    this.lastRead = sql
    return new Promise((resolve, reject) => {
      const rows: Row[] = []
      let truncated = false
      let stopping: Promise<void> | undefined
      const running = this.connection.query({ sql }, [...bindings])
      this.running = running
      running.on('result', (row) => {
        if (rows.length < rowCap) rows.push(row as Row)
        else if (!truncated) {
          truncated = true
          this.connection.pause()
          stopping = this.killQuery().finally(() => this.connection.resume())
        }
      })
      running.on('error', (error: Error & { errno?: number }) => {
        this.running = undefined
        const wanted = truncated && error.errno === QUERY_INTERRUPTED && !this.cancelRequested
        const settle = () =>
          wanted
            ? resolve({ rows, truncated })
            : reject(this.cancelRequested ? cancelled() : mysqlError(error, this.endpoint, this.timeoutMs))
        void (stopping ?? Promise.resolve()).then(settle, settle)
      })
      running.on('end', () => {
        if (this.running !== running) return
        this.running = undefined
        const settle = () => resolve({ rows, truncated })
        void (stopping ?? Promise.resolve()).then(settle, settle)
      })
    })
  }

  /** The plan of the read run last, in the same transaction; MariaDB's ANALYZE runs it once more. */
  async explain(sql: string, bindings: readonly unknown[], mode: ExplainMode): Promise<StatementPlan> {
    const text = explainStatement(this.mariadb ? 'mariadb' : 'mysql', mode, sql, this.lastRead)
    if (this.cancelRequested || this.signal?.aborted) throw cancelled()
    try {
      // Tracked as running, so a cancel stops it with KILL QUERY like any statement.
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        this.running = this.connection.query(text, [...bindings], (error, result) => {
          this.running = undefined
          if (error) reject(error)
          else resolve(result as Record<string, unknown>[])
        })
      })
      return mysqlStatementPlan(rows[0], mode, this.mariadb)
    } catch (error) {
      throw this.cancelRequested ? cancelled() : mysqlError(error, this.endpoint, this.timeoutMs)
    }
  }

  /** Rolls back and disconnects; never throws. */
  async close(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort)
    await query(this.connection, 'ROLLBACK').catch(() => undefined)
    this.connection.destroy()
    const side = await this.side?.catch(() => undefined)
    side?.destroy()
  }

  /** `KILL QUERY` stops only the statement; the session and its transaction stay usable. */
  private async killQuery(): Promise<void> {
    this.side ??= connect(this.settings)
    const side = await this.side
    await query(side, `KILL QUERY ${Number(this.connection.threadId)}`)
  }

  private async cancel(): Promise<void> {
    this.cancelRequested = true
    if (!this.running) return
    // If the side session cannot stop it, dropping the socket makes the server abort the statement.
    await this.killQuery().catch(() => this.connection.destroy())
  }
}

function connect(settings: mysql.ConnectionOptions): Promise<mysql.Connection> {
  return new Promise((resolve, reject) => {
    const connection = mysql2Package().createConnection(settings)
    // A connection lost between statements surfaces as the next query's error, not as a crash.
    connection.on('error', () => undefined)
    connection.connect((error) => (error ? reject(error) : resolve(connection)))
  })
}

export function query<R>(
  connection: mysql.Connection,
  sql: string,
  values: readonly unknown[] = [],
): Promise<R[]> {
  return new Promise((resolve, reject) =>
    connection.query(sql, [...values], (error, rows) => (error ? reject(error) : resolve(rows as R[]))),
  )
}
