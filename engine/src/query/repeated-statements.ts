// The N+1 signature in what a preview ran: one `select` shape executed more than once with
// different bindings. Lucid batches preloads (`where in`), so code that loads per row is the cause.
import type { ExecutedStatement } from './result'

/** A warning per select shape that ran with two or more different sets of bindings. */
export function repeatedStatementWarnings(statements: readonly ExecutedStatement[]): string[] {
  const byShape = new Map<string, Set<string>>()
  const runs = new Map<string, number>()
  for (const statement of statements) {
    if (!/^\s*(select|with)\b/i.test(statement.sql)) continue
    const bindings = byShape.get(statement.sql) ?? new Set<string>()
    bindings.add(JSON.stringify(statement.bindings, (_key, value: unknown) => bindingKey(value)))
    byShape.set(statement.sql, bindings)
    runs.set(statement.sql, (runs.get(statement.sql) ?? 0) + 1)
  }
  const out: string[] = []
  for (const [sql, bindings] of byShape) {
    if (bindings.size < 2) continue
    const shown = sql.length > 120 ? `${sql.slice(0, 117)}...` : sql
    out.push(
      `The same statement ran ${runs.get(sql)} times with different bindings (one query per row, an N+1): ` +
        `${shown}. A preload() or withCount() on the parent query would run it once.`,
    )
  }
  return out
}

/** JSON has no bigint (dates arrive here already turned into strings by their toJSON). */
function bindingKey(value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value
}
