// The connection side of a dry run: an executor that may write, because every statement it runs
// lands in one transaction that it always rolls back. Read-only executors do not implement `write`,
// so a write reached through them is refused before it compiles (see `ensureDryRun`).
import { PreviewError } from '../query/errors'
import type { Row, StatementExecutor } from '../query/runtime'

export interface WriteResult {
  /** Rows a `returning` clause produced (PostgreSQL inserts), at most the row cap. */
  rows: Row[]
  truncated: boolean
  /** Rows inserted, updated or deleted. */
  affectedRows: number
  /** The driver's last insert id (`lastInsertRowid` on SQLite, `insertId` on MySQL). */
  insertId?: number | bigint
}

export interface WriteExecutor extends StatementExecutor {
  /** Marks executors whose transaction is rolled back on close, whatever happened. */
  readonly dryRun: true
  write(sql: string, bindings: readonly unknown[], rowCap: number): Promise<WriteResult>
}

export function isWriteExecutor(executor: StatementExecutor): executor is WriteExecutor {
  const candidate = executor as Partial<WriteExecutor>
  return candidate.dryRun === true && typeof candidate.write === 'function'
}

/** Thrown when a plan writes but the preview was not opened as a dry run. */
export function ensureDryRun(executor: StatementExecutor, method: string): WriteExecutor {
  if (isWriteExecutor(executor)) return executor
  throw new PreviewError(
    `".${method}" writes to the database: previews run writes only as dry runs, inside a transaction ` +
      'that is always rolled back (pass { dryRun: true })',
    'E_READ_ONLY',
  )
}

/**
 * Statements a dry run refuses to send: only plain reads and writes may run, so nothing can end,
 * commit or escape the dry-run transaction (`COMMIT`, `END`, `SAVEPOINT`, `ATTACH`, `PRAGMA`, DDL).
 */
export function assertDryRunStatement(sql: string): void {
  if (/^\s*(select|insert|update|delete|with)\b/i.test(sql) && !/;\s*\S/.test(sql)) return
  throw new PreviewError(
    `Refused in a dry run (only select, insert, update and delete may run): ${sql.slice(0, 60)}`,
    'E_READ_ONLY',
  )
}
