// The one shape every database's query plan is normalised into: a tree of steps, each with the table
// and index it uses, rows estimated and (after ANALYZE) rows actually produced and time spent.

/** `plan`: the database's estimate only (nothing runs); `analyze`: the statement also runs, timed. */
export type ExplainMode = 'plan' | 'analyze'

export interface PlanNode {
  /** The step as the database names it: `Seq Scan`, `Index Scan`, `SCAN`, `SEARCH`, `ALL`, `ref`. */
  operation: string
  table?: string
  /** The index the step reads, if any. */
  index?: string
  /** The condition rows are filtered on (or looked up by), as the database prints it. */
  condition?: string
  rowsEstimated?: number
  /** Rows produced per loop (ANALYZE only). */
  rowsActual?: number
  /** Milliseconds spent in this step and below (ANALYZE only). */
  timeMs?: number
  /** Reads every row of `table` without an index. */
  fullScan: boolean
  children: PlanNode[]
  /** Set when the scanned table holds a relation's key and the scan filters on it (see foreign-key-scans.ts). */
  foreignKeyScan?: ForeignKeyScan
}

/** A full scan filtering on the column a relation's preloads, whereHas and withCount look rows up by. */
export interface ForeignKeyScan {
  code: 'LL405'
  /** `User.posts`. */
  relation: string
  table: string
  column: string
  message: string
}

export interface StatementPlan {
  /** `postgres`, `mysql`, `mariadb` or `sqlite`: whose plan format this was read from. */
  dialect: ExplainDialect
  /** The statement ran under ANALYZE: actual rows and times are filled where the database gives them. */
  analyzed: boolean
  nodes: PlanNode[]
  /** What this database's plan cannot show (e.g. SQLite has no row estimates). */
  notes: string[]
}

export type ExplainDialect = 'postgres' | 'mysql' | 'mariadb' | 'sqlite'

/** Every node of a plan, depth first. */
export function* planNodes(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node
    yield* planNodes(node.children)
  }
}
