// Runs previews on SQLite through a connection that cannot write: the file is opened read-only
// (and must already exist), `query_only` is on, and anything but a reader statement is refused.
// Rows are pulled one at a time, so a preview never holds more than `rowCap + 1` rows of a statement.
import type Database from 'better-sqlite3'
import { PreviewError } from '../query/errors'
import type { Row, StatementExecutor } from '../query/runtime'
import { sqliteError } from './database-errors'
import { loadSqliteDriver } from './load-sqlite-driver'

export class SqliteExecutor implements StatementExecutor {
  readonly client = 'better-sqlite3'
  private readonly db: Database.Database

  constructor(readonly file: string) {
    this.db = new (loadSqliteDriver(file))(file, { readonly: true, fileMustExist: true })
    this.db.pragma('query_only = ON')
  }

  async run(
    sql: string,
    bindings: readonly unknown[],
    rowCap: number,
  ): Promise<{ rows: Row[]; truncated: boolean }> {
    let statement: Database.Statement
    try {
      statement = this.db.prepare(sql)
    } catch (error) {
      // A missing table or column is found when the statement is prepared.
      throw sqliteError(error)
    }
    if (!statement.reader) throw new PreviewError('Only read statements run in previews', 'E_READ_ONLY')
    const rows: Row[] = []
    let truncated = false
    // Leaving the loop early closes the iterator, which resets the statement: no further rows are read.
    for (const row of statement.iterate(formatBindings(bindings))) {
      if (rows.length === rowCap) {
        truncated = true
        break
      }
      rows.push(row as Row)
    }
    return { rows, truncated }
  }

  close(): void {
    this.db.close()
  }
}

/** knex's better-sqlite3 dialect (`_formatBindings`): Dates become epoch milliseconds, booleans 1/0. */
export function formatBindings(bindings: readonly unknown[]): unknown[] {
  return bindings.map((binding) => {
    if (binding instanceof Date) return binding.valueOf()
    if (typeof binding === 'boolean') return Number(binding)
    return binding
  })
}
