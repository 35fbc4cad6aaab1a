// Runs previews on SQLite through a connection that cannot write: the file is opened read-only
// (and must already exist), `query_only` is on, and anything but a reader statement is refused.
// Rows are pulled one at a time, so a preview never holds more than `rowCap + 1` rows of a statement.
// A lock held by another connection is waited for up to the preview's time limit (LockWait).
import type Database from 'better-sqlite3'
import { explainOnSqlite } from '../explain/statement-plan'
import type { ExplainMode, StatementPlan } from '../explain/plan-tree'
import { PreviewError } from '../query/errors'
import type { Row, StatementExecutor } from '../query/runtime'
import { openReadOnly } from './load-sqlite-driver'
import { sqliteError } from './sqlite-errors'
import { LockWait, type SqliteLimits } from './sqlite-lock-wait'

export class SqliteExecutor implements StatementExecutor {
  readonly client = 'better-sqlite3'
  private readonly db: Database.Database
  private readonly lock: LockWait
  /** The read statement run last: the only one `explain` may prefix. */
  private lastRead: string | undefined

  constructor(
    readonly file: string,
    limits: SqliteLimits = {},
  ) {
    this.db = openReadOnly(file)
    this.lock = new LockWait(file, limits)
  }

  async run(
    sql: string,
    bindings: readonly unknown[],
    rowCap: number,
  ): Promise<{ rows: Row[]; truncated: boolean }> {
    const values = formatBindings(bindings)
    try {
      // A missing table or column is found when the statement is prepared; a lock at the first step.
      const { iterator, first } = await this.lock.run(() => {
        const statement = this.db.prepare(sql)
        if (!statement.reader) throw new PreviewError('Only read statements run in previews', 'E_READ_ONLY')
        this.lastRead = sql
        const iterator = statement.iterate(values) as IterableIterator<Row>
        return { iterator, first: iterator.next() }
      })
      const rows: Row[] = []
      for (let next = first; !next.done; next = iterator.next()) {
        if (rows.length === rowCap) {
          // Closing the iterator resets the statement: no further rows are read.
          iterator.return?.()
          return { rows, truncated: true }
        }
        rows.push(next.value)
      }
      return { rows, truncated: false }
    } catch (error) {
      throw sqliteError(error, this.file)
    }
  }

  async explain(sql: string, bindings: readonly unknown[], mode: ExplainMode): Promise<StatementPlan> {
    try {
      return await this.lock.run(() => explainOnSqlite(this.db, sql, bindings, mode, this.lastRead))
    } catch (error) {
      throw sqliteError(error, this.file)
    }
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
