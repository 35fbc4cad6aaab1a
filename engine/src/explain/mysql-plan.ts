// MySQL's and MariaDB's `EXPLAIN FORMAT=JSON` (and MariaDB's `ANALYZE FORMAT=JSON`). Both nest
// `table` objects under a `query_block`, but differently: MySQL wraps them in `ordering_operation`,
// `grouping_operation`... and counts `rows_examined_per_scan`; MariaDB wraps them in `filesort`,
// `temporary_table`, `read_sorted_file`, counts `rows` and, after ANALYZE, `r_rows` and `r_*_time_ms`.
// The walk below reads both: each `table` becomes a node, each known wrapper an operation node, and
// any other object or array is looked through.
import type { PlanNode } from './plan-tree'

type Json = Record<string, unknown>

/** Wrappers that are a step of their own; the value's tables become its children. */
const OPERATIONS: Record<string, string> = {
  ordering_operation: 'sort',
  grouping_operation: 'group',
  duplicates_removal: 'distinct',
  windowing: 'window',
  filesort: 'sort',
  temporary_table: 'temporary table',
  read_sorted_file: 'read sorted',
  materialized: 'materialized subquery',
  materialized_from_subquery: 'derived table',
  union_result: 'union',
  subqueries: 'subqueries',
  attached_subqueries: 'subqueries',
  optimized_away_subqueries: 'subqueries (optimized away)',
}

/** Access types that read every row of the table (MySQL's `ALL`); `index` reads a whole index. */
const FULL_SCAN = 'ALL'

/** The tree of one MySQL/MariaDB JSON plan (the single value of the `EXPLAIN` column). */
export function mysqlPlan(document: unknown): PlanNode[] {
  const parsed: unknown = typeof document === 'string' ? JSON.parse(document) : document
  return walk(parsed)
}

function walk(value: unknown): PlanNode[] {
  if (Array.isArray(value)) return value.flatMap(walk)
  if (!isObject(value)) return []
  const out: PlanNode[] = []
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'table' && isObject(inner) && 'table_name' in inner) out.push(table(inner))
    else if (key in OPERATIONS && (isObject(inner) || Array.isArray(inner)))
      out.push(operation(OPERATIONS[key] as string, inner))
    else if (isObject(inner) || Array.isArray(inner)) out.push(...walk(inner))
  }
  return out
}

function operation(name: string, inner: Json | unknown[]): PlanNode {
  const self = isObject(inner) ? inner : {}
  return {
    operation: name,
    rowsActual: number(self.r_output_rows),
    timeMs: number(self.r_total_time_ms),
    fullScan: false,
    children: walk(inner),
  }
}

function table(entry: Json): PlanNode {
  const access = String(entry.access_type ?? 'table')
  // Both count rows examined, and the percentage of them the condition kept: the step produced
  // rows × filtered%, which is what PostgreSQL's row counts are.
  const estimate = produced(number(entry.rows_examined_per_scan) ?? number(entry.rows), entry.filtered)
  const actual = produced(number(entry.r_rows), entry.r_filtered)
  const tableTime = number(entry.r_table_time_ms)
  const otherTime = number(entry.r_other_time_ms)
  const name = String(entry.table_name)
  return {
    operation: access,
    // `<subquery2>`, `<derived3>`: a step of the plan, not a table of the database.
    table: name,
    index: string(entry.key),
    condition: unquote(string(entry.attached_condition) ?? refCondition(entry)),
    rowsEstimated: estimate,
    rowsActual: actual,
    timeMs: tableTime === undefined ? undefined : tableTime + (otherTime ?? 0),
    fullScan: access === FULL_SCAN && !name.startsWith('<'),
    children: walk(Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'table_name'))),
  }
}

function produced(rows: number | undefined, filtered: unknown): number | undefined {
  if (rows === undefined) return undefined
  const percent = number(filtered) ?? (typeof filtered === 'string' ? Number(filtered) : 100)
  return Math.round((rows * (Number.isFinite(percent) ? percent : 100)) / 100)
}

/** An index lookup's key parts (`user_id = func`), when there is no attached condition. */
function refCondition(entry: Json): string | undefined {
  const parts = entry.used_key_parts
  return Array.isArray(parts) && parts.length > 0 && entry.key !== undefined
    ? parts.map(String).join(', ')
    : undefined
}

/** MySQL prints `` `test`.`posts`.`user_id` ``; the backticks only get in the way of reading it. */
function unquote(text: string | undefined): string | undefined {
  return text?.replace(/`/g, '')
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}
