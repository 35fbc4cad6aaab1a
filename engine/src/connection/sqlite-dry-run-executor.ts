// Runs a dry run on SQLite: on a private copy of the user's file (sqlite-snapshot.ts), so the file
// itself is only ever opened read-only; a read-write connection to the copy begins a transaction at
// once and rolls it back on close, never committing, and the copy is then deleted. Every statement is
// checked before it is prepared (reads and writes only) and runs only while the transaction is open:
// a constraint declared `ON CONFLICT ROLLBACK` ends it, and nothing may then run in autocommit mode.
// Reads keep the read-only executor's row cap.
import type Database from 'better-sqlite3'
import { explainOnSqlite } from '../explain/statement-plan'
import type { ExplainMode, StatementPlan } from '../explain/plan-tree'
import { PreviewError } from '../query/errors'
import type { Row } from '../query/runtime'
import { assertDryRunStatement, type WriteExecutor, type WriteResult } from '../persistence/write-executor'
import { formatBindings } from './sqlite-executor'
import { loadSqliteDriver } from './load-sqlite-driver'
import { snapshotSqlite, type Snapshot, type SnapshotOptions } from './sqlite-snapshot'

export class SqliteDryRunExecutor implements WriteExecutor {
  readonly client = 'better-sqlite3'
  readonly dryRun = true
  /** The read statement run last: the only one `explain` may prefix. */
  private lastRead: string | undefined

  private constructor(
    /** The user's file; the connection is to the copy. */
    readonly file: string,
    private readonly db: Database.Database,
    private readonly copy: Snapshot,
  ) {}

  /** Copies `file` and opens the dry-run transaction on the copy. */
  static async open(file: string, options: SnapshotOptions = {}): Promise<SqliteDryRunExecutor> {
    const copy = await snapshotSqlite(file, options)
    let db: Database.Database | undefined
    try {
      // The app's driver is found from the user's file (the copy lives in the temp folder).
      db = new (loadSqliteDriver(file))(copy.file, { fileMustExist: true })
      // The copy is thrown away: its journal may stay in memory, and nothing needs to reach the disk.
      db.pragma('journal_mode = MEMORY')
      db.pragma('synchronous = OFF')
      db.exec('BEGIN')
      return new SqliteDryRunExecutor(file, db, copy)
    } catch (error) {
      db?.close()
      copy.remove()
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
    this.lastRead = sql
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

  /** The plan of the read run last, inside the dry-run transaction (SQLite plans never run it). */
  async explain(sql: string, bindings: readonly unknown[], mode: ExplainMode): Promise<StatementPlan> {
    this.ensureOpenTransaction()
    return explainOnSqlite(this.db, sql, bindings, mode, this.lastRead)
  }

  /** Rolls back whatever ran, closes, and deletes the copy. */
  close(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
    } finally {
      this.db.close()
      this.copy.remove()
    }
  }

  private ensureOpenTransaction(): void {
    if (!this.db.inTransaction) {
      throw new PreviewError('The dry-run transaction is no longer open; nothing more runs', 'E_READ_ONLY')
    }
  }
}
