// The only SQL a plan adds to a preview: the prefix EXPLAIN (MariaDB's ANALYZE) on exactly a read
// statement the preview itself just sent. Nothing else passes: a statement that is not a single plain
// select, or one the executor did not run, is refused before anything reaches the database.
import { PreviewError } from '../query/errors'
import type { ExplainDialect, ExplainMode } from './plan-tree'

const PREFIXES: Record<ExplainDialect, Record<ExplainMode, string>> = {
  postgres: { plan: 'EXPLAIN (FORMAT JSON) ', analyze: 'EXPLAIN (ANALYZE, FORMAT JSON) ' },
  // MariaDB runs and times a statement with ANALYZE; its EXPLAIN ANALYZE is the same statement.
  mariadb: { plan: 'EXPLAIN FORMAT=JSON ', analyze: 'ANALYZE FORMAT=JSON ' },
  // MySQL's EXPLAIN ANALYZE prints a text tree only; its JSON plan is the estimate (see notes).
  mysql: { plan: 'EXPLAIN FORMAT=JSON ', analyze: 'EXPLAIN FORMAT=JSON ' },
  sqlite: { plan: 'EXPLAIN QUERY PLAN ', analyze: 'EXPLAIN QUERY PLAN ' },
}

const READ = /^[\s(]*select\b/i

/**
 * The EXPLAIN of `sql`, which must be the read statement `ran` (the one the executor just sent).
 * Throws `E_READ_ONLY` for anything else.
 */
export function explainStatement(
  dialect: ExplainDialect,
  mode: ExplainMode,
  sql: string,
  ran: string | undefined,
): string {
  if (sql !== ran) throw new PreviewError('Only a statement the preview just ran is explained', 'E_READ_ONLY')
  if (!READ.test(sql) || /;\s*\S/.test(sql))
    throw new PreviewError(`Only read statements are explained: ${sql.slice(0, 60)}`, 'E_READ_ONLY')
  return PREFIXES[dialect][mode] + sql
}

/** Whether `mode` gives actual rows and times on `dialect`, and if not, what the plan says instead. */
export function modeNotes(dialect: ExplainDialect, mode: ExplainMode): string[] {
  if (mode !== 'analyze') return []
  if (dialect === 'sqlite') return ['SQLite plans have no row counts or times: this is the plan only']
  if (dialect === 'mysql')
    return ['MySQL gives actual rows and times only as a text tree: this JSON plan shows estimates']
  return []
}
