// Runs one compiled write (insert, update, delete) of a dry run and logs it like Lucid's `query`
// event: the statement is recorded before it runs, so a failing write still appears in the log, and
// a database error carries knex's own message (`<sql with bindings> - <driver message>`).
import type { Knex } from 'knex'
import { PreviewError } from '../query/errors'
import type { Runtime } from '../query/runtime'
import type { ExecutedStatement } from '../query/result'
import { ensureDryRun, type WriteResult } from './write-executor'

export async function runWrite(
  runtime: Runtime,
  query: Knex.QueryBuilder,
  method: string,
): Promise<WriteResult> {
  const executor = ensureDryRun(runtime.executor, method)
  const { sql, bindings } = query.toSQL().toNative()
  const statement: ExecutedStatement = {
    sql,
    bindings: [...bindings],
    durationMs: 0,
    rowCount: 0,
    truncated: false,
  }
  runtime.statements.push(statement)
  const started = performance.now()
  try {
    const result = await executor.write(sql, bindings, runtime.rowCap)
    statement.rowCount = result.rows.length
    statement.truncated = result.truncated
    statement.affectedRows = result.affectedRows
    if (result.truncated) runtime.truncated = true
    return result
  } catch (error) {
    if (error instanceof PreviewError) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new PreviewError(`${formatQuery(runtime.knex, sql, bindings)} - ${message}`, 'E_DATABASE')
  } finally {
    statement.durationMs = performance.now() - started
  }
}

/** knex's `formatQuery` (query-executioner.js): each `?` replaced by the escaped binding. */
function formatQuery(knex: Knex, sql: string, bindings: readonly unknown[]): string {
  const client = knex.client as unknown as { _escapeBinding(value: unknown, options: object): string }
  let index = 0
  return sql.replace(/\\?\?/g, (match) => {
    if (match === '\\?') return '?'
    if (index === bindings.length) return match
    return client._escapeBinding(bindings[index++], {})
  })
}
