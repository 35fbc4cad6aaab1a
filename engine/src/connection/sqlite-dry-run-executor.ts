// Runs a dry run on SQLite: a separate read-write connection, opened only for this preview, that
// begins a transaction at once and rolls it back on close, never committing. Every statement is
// checked before it is prepared (reads and writes only) and runs only while the transaction is open:
// a constraint declared `ON CONFLICT ROLLBACK` ends it, and nothing may then run in autocommit mode.
// Reads keep the read-only executor's row cap.
import type Database from 'better-sqlite3'
import { PreviewError } from '../query/errors'
import type { Row } from '../query/runtime'
import { assertDryRunStatement, type WriteExecutor, type WriteResult } from '../persistence/write-executor'
import { formatBindings } from './sqlite-executor'
import { loadSqliteDriver } from './load-sqlite-driver'

export class SqliteDryRunExecutor implements WriteExecutor {
  readonly client = 'better-sqlite3'
  readonly dryRun = true
  private readonly db: Database.Database

  constructor(readonly file: string) {
    this.db = new (loadSqliteDriver(file))(file, { fileMustExist: true })
    try {
      this.db.exec('BEGIN')
    } catch (error) {
      this.db.close()
      throw error
    }
  }

  async run(
    sql: string,
    bindings: readonly unknown[],
    rowCap: number,
  ): Promise<{ rows: Row[]; truncated: boolean }> {
    const { rows, truncated } = await this.write(sql, bindings, rowCap)
    return { rows, truncated }
  }

  async write(sql: string, bindings: readonly unknown[], rowCap: number): Promise<WriteResult> {
    assertDryRunStatement(sql)
    this.ensureOpenTransaction()
    const statement = this.db.prepare(sql)
    const values = formatBindings(bindings)
    if (!statement.reader) {
      const info = statement.run(values)
      return { rows: [], truncated: false, affectedRows: info.changes, insertId: info.lastInsertRowid }
    }
    // SQLite applies all changes of an `insert ... returning` on the first step, so a capped read of
    // the returned rows is still the whole write.
    const rows: Row[] = []
    let truncated = false
    for (const row of statement.iterate(values)) {
      if (rows.length === rowCap) {
        truncated = true
        break
      }
      rows.push(row as Row)
    }
    return { rows, truncated, affectedRows: rows.length }
  }

  /** Rolls back whatever ran, then closes; closing alone would roll back too. */
  close(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
    } finally {
      this.db.close()
    }
  }

  private ensureOpenTransaction(): void {
    if (!this.db.inTransaction) {
      throw new PreviewError('The dry-run transaction is no longer open; nothing more runs', 'E_READ_ONLY')
    }
  }
}
