// SQLite's `EXPLAIN QUERY PLAN`: rows `{ id, parent, notused, detail }` whose `parent` ids make the
// tree, and whose `detail` is text: `SCAN posts`, `SEARCH posts USING INDEX posts_user_id (user_id=?)`,
// `SEARCH users USING INTEGER PRIMARY KEY (rowid=?)`, `USE TEMP B-TREE FOR ORDER BY`. Older SQLite
// writes `SCAN TABLE posts`. There are no row counts or times.
import type { PlanNode } from './plan-tree'

export interface SqlitePlanRow {
  id: number
  parent: number
  detail: string
}

const ACCESS = /^(SCAN|SEARCH)\s+(?:TABLE\s+)?(\S+)(?:\s+AS\s+\S+)?(?:\s+EXISTS)?(?:\s+USING\s+(.*))?$/i

/** The tree of SQLite's plan rows; the statement's text gives the columns a full scan filters on. */
export function sqlitePlan(rows: readonly SqlitePlanRow[], sql: string): PlanNode[] {
  const byId = new Map<number, PlanNode>()
  const roots: PlanNode[] = []
  for (const row of rows) {
    const node = step(row.detail, sql)
    byId.set(row.id, node)
    const parent = byId.get(row.parent)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

function step(detail: string, sql: string): PlanNode {
  const match = ACCESS.exec(detail.trim())
  if (!match) return { operation: detail, fullScan: false, children: [] }
  const [, verb = '', table = '', using] = match
  const index = using ? indexOf(using) : undefined
  const lookup = using ? /\(([^)]*)\)\s*$/.exec(using)?.[1] : undefined
  // A SCAN without USING reads the table itself, every row; `USING COVERING INDEX` reads a whole index.
  // An AUTOMATIC index is one SQLite builds for this statement alone, by reading every row first.
  const automatic = using !== undefined && /\bAUTOMATIC\b/i.test(using)
  const fullScan = (verb.toUpperCase() === 'SCAN' && using === undefined) || automatic
  return {
    operation: verb.toUpperCase(),
    table: unquote(table),
    index,
    condition: lookup ?? (fullScan ? filterOf(unquote(table), sql) : undefined),
    fullScan,
    children: [],
  }
}

/** `INDEX posts_user_id_index (user_id=?)` → the index name; the rowid is SQLite's own key. */
function indexOf(using: string): string | undefined {
  if (/\bAUTOMATIC\b/i.test(using)) return 'automatic index (built for this statement)'
  if (/INTEGER PRIMARY KEY/i.test(using)) return 'PRIMARY KEY'
  return /INDEX\s+(\S+)/i.exec(using)?.[1]
}

/**
 * SQLite does not print what a scan filters on. In a statement that reads one table only (one
 * select, no join) its where clause says which columns the scan compares: `"user_id" in (?)`. Any
 * other statement says nothing here: a column in a subquery's where may belong to an outer scan.
 */
function filterOf(table: string, sql: string): string | undefined {
  const singleTable = (sql.match(/\bselect\b/gi) ?? []).length === 1 && !/\bjoin\b/i.test(sql)
  if (!singleTable) return undefined
  const where = /\bwhere\b([\s\S]*?)(?:\b(?:group|order)\s+by\b|\blimit\b|$)/i.exec(sql)?.[1]
  if (!where) return undefined
  const quoted = '["`]?(\\w+)["`]?'
  const qualified = new RegExp(`["\`]?${escape(table)}["\`]?\\.${quoted}`, 'g')
  const columns = [...where.matchAll(qualified)].map((m) => m[1] as string)
  for (const match of where.matchAll(/(?<![.\w"`])["`](\w+)["`](?!\s*\.)/g)) columns.push(match[1] as string)
  const unique = [...new Set(columns)].filter((column) => column !== table)
  return unique.length > 0 ? unique.join(', ') : undefined
}

function unquote(name: string): string {
  return name.replace(/^["`[]|["`\]]$/g, '')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
