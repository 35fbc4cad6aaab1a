// Dry runs on PostgreSQL: the preview executor's session limits, cursor reads and cancellation, in a
// read-write transaction that is always rolled back on close. Only plain select/insert/update/delete
// statements are sent (nothing can commit, end or escape the transaction). If the process dies
// mid-run, PostgreSQL rolls the transaction back when the session ends, at the latest after the
// idle-in-transaction timeout. Sequences are the one exception PostgreSQL itself makes: `nextval`
// is never rolled back, so the ids an insert drew stay used (see SEQUENCE_WARNING).
import type { ServerConnection, ServerExecutorOptions } from './server-options'
import { assertDryRunStatement, type WriteExecutor, type WriteResult } from '../persistence/write-executor'
import { cancelled, postgresError } from './database-errors'
import { PostgresExecutor } from './postgres-executor'

export class PostgresDryRunExecutor extends PostgresExecutor implements WriteExecutor {
  readonly dryRun = true

  static openDryRun(
    connection: ServerConnection,
    options: ServerExecutorOptions = {},
  ): Promise<PostgresDryRunExecutor> {
    return PostgresExecutor.connect(
      connection,
      options,
      'BEGIN TRANSACTION READ WRITE',
      (...args) => new PostgresDryRunExecutor(...args),
    )
  }

  async write(sql: string, bindings: readonly unknown[], rowCap: number): Promise<WriteResult> {
    assertDryRunStatement(sql)
    if (/^\s*(select|with)\b/i.test(sql)) {
      const { rows, truncated } = await this.run(sql, bindings, rowCap)
      return { rows, truncated, affectedRows: rows.length }
    }
    if (this.cancelRequested || this.signal?.aborted) throw cancelled()
    try {
      const result = await this.query({ text: sql, values: [...bindings] })
      const truncated = result.rows.length > rowCap
      return {
        rows: truncated ? result.rows.slice(0, rowCap) : result.rows,
        truncated,
        affectedRows: result.rowCount ?? result.rows.length,
      }
    } catch (error) {
      throw this.cancelRequested ? cancelled() : postgresError(error, this.endpoint, this.timeoutMs)
    }
  }
}
