// Dry runs on MySQL/MariaDB: the preview executor's time limit, streamed reads and cancellation, in
// a read-write transaction that is always rolled back on close. Only plain select/insert/update/
// delete statements are sent: MySQL commits implicitly before DDL and similar statements, so those
// never reach it. A write to a table whose storage engine ignores transactions (MyISAM, MEMORY...)
// could not be rolled back, so it is refused before it runs. AUTO_INCREMENT counters are the one
// thing InnoDB does not roll back (see SEQUENCE_WARNING).
import { assertDryRunStatement, type WriteExecutor, type WriteResult } from '../persistence/write-executor'
import { cancelled, DatabaseError, mysqlError } from './database-errors'
import { MysqlExecutor, query } from './mysql-executor'
import type { ServerConnection, ServerExecutorOptions } from './server-options'

/** Storage engines whose changes a ROLLBACK undoes. */
const TRANSACTIONAL = new Set(['innodb', 'xtradb', 'ndbcluster', 'ndb', 'rocksdb', 'tokudb'])

interface WriteHeader {
  affectedRows: number
  insertId: number
}

export class MysqlDryRunExecutor extends MysqlExecutor implements WriteExecutor {
  readonly dryRun = true
  private readonly engines = new Map<string, string>()

  static openDryRun(
    connection: ServerConnection,
    options: ServerExecutorOptions = {},
  ): Promise<MysqlDryRunExecutor> {
    return MysqlExecutor.connect(
      connection,
      options,
      'START TRANSACTION READ WRITE',
      (...args) => new MysqlDryRunExecutor(...args),
    )
  }

  async write(sql: string, bindings: readonly unknown[], rowCap: number): Promise<WriteResult> {
    assertDryRunStatement(sql)
    if (/^[\s(]*select\b/i.test(sql)) {
      const { rows, truncated } = await this.run(sql, bindings, rowCap)
      return { rows, truncated, affectedRows: rows.length }
    }
    if (this.cancelRequested || this.signal?.aborted) throw cancelled()
    await this.assertTransactional(sql)
    try {
      const header = (await query(this.connection, sql, bindings)) as unknown as WriteHeader
      return { rows: [], truncated: false, affectedRows: header.affectedRows, insertId: header.insertId }
    } catch (error) {
      throw this.cancelRequested ? cancelled() : mysqlError(error, this.endpoint, this.timeoutMs)
    }
  }

  /** Refuses a write whose table would keep the change after ROLLBACK. */
  private async assertTransactional(sql: string): Promise<void> {
    const table = writtenTable(sql)
    if (!table)
      throw new DatabaseError(
        `Refused in a dry run: cannot tell which table this writes: ${sql.slice(0, 60)}`,
        'E_READ_ONLY',
      )
    let engine = this.engines.get(table)
    if (engine === undefined) {
      const rows = await query<{ engine: string | null }>(
        this.connection,
        'select engine as engine from information_schema.tables where table_schema = database() and table_name = ?',
        [table],
      ).catch((error: unknown) => {
        throw mysqlError(error, this.endpoint, this.timeoutMs)
      })
      // An unknown table gets no verdict here: the write itself fails with the server's own error.
      engine = rows[0]?.engine?.toLowerCase() ?? 'innodb'
      this.engines.set(table, engine)
    }
    if (!TRANSACTIONAL.has(engine))
      throw new DatabaseError(
        `Refused in a dry run: table ${table} uses the ${engine} storage engine, which cannot roll back a write`,
        'E_READ_ONLY',
      )
  }
}

/** The table (without its schema) an `insert into`, `update` or `delete from` writes, quoted or not. */
function writtenTable(sql: string): string | undefined {
  const name = '(?:`(?:[^`]|``)+`|[\\w$]+)'
  const match = new RegExp(
    `^\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from)\\s+(?:${name}\\.)?(${name})`,
    'i',
  ).exec(sql)
  return match?.[1]?.replace(/^`|`$/g, '').replace(/``/g, '`')
}
