// PostgreSQL's `EXPLAIN (FORMAT JSON)`: `[{ "Plan": { "Node Type", "Relation Name", "Plans": [...] } }]`.
import type { PlanNode } from './plan-tree'

type Json = Record<string, unknown>

/** The tree of one PostgreSQL plan document (the single value of `QUERY PLAN`). */
export function postgresPlan(document: unknown): PlanNode[] {
  const parsed: unknown = typeof document === 'string' ? JSON.parse(document) : document
  const roots = Array.isArray(parsed) ? parsed : [parsed]
  return roots.flatMap((root) => (isObject(root) && isObject(root.Plan) ? [node(root.Plan)] : []))
}

function node(plan: Json): PlanNode {
  const operation = String(plan['Node Type'] ?? 'step')
  const loops = number(plan['Actual Loops'])
  const total = number(plan['Actual Total Time'])
  return {
    operation: join(operation, plan['Join Type']),
    table: string(plan['Relation Name']),
    index: string(plan['Index Name']),
    condition:
      string(plan.Filter) ??
      string(plan['Index Cond']) ??
      string(plan['Recheck Cond']) ??
      string(plan['Hash Cond']) ??
      string(plan['Merge Cond']) ??
      string(plan['Join Filter']),
    rowsEstimated: number(plan['Plan Rows']),
    rowsActual: number(plan['Actual Rows']),
    // Actual Total Time is per loop; a step run once per outer row took loops times as long.
    timeMs: total === undefined ? undefined : total * (loops ?? 1),
    fullScan: operation === 'Seq Scan',
    children: Array.isArray(plan.Plans) ? plan.Plans.filter(isObject).map(node) : [],
  }
}

function join(operation: string, type: unknown): string {
  return typeof type === 'string' && type !== 'Inner' ? `${operation} (${type})` : operation
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
