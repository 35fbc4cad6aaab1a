// What a preview returns. `result` is exactly what Lucid's `serialize()` gives for the awaited value;
// `extras` runs parallel to it and carries what `serialize()` leaves out but a preview wants to show.
import type { StatementPlan } from '../explain/plan-tree'

export interface ExecutedStatement {
  /** The SQL as knex compiles it for the dialect (`toSQL().toNative()`), identical to Lucid's. */
  sql: string
  /** The bindings as knex reports them in its `query` event (booleans not yet turned into 1/0). */
  bindings: unknown[]
  durationMs: number
  /** Rows read, at most the row cap. */
  rowCount: number
  /** More rows existed than the row cap; only the first `rowCap` were read. */
  truncated: boolean
  /** Writes in a dry run only: rows inserted, updated or deleted (then rolled back). */
  affectedRows?: number
  /** The read's query plan, when the preview asked for plans (`explain`). */
  plan?: StatementPlan
}

/** A serialized model: attributes under their `serializeAs` names, then preloaded relations. */
export type SerializedModel = Record<string, unknown>

/**
 * The awaited value of the plan, serialized: an array of models for queries, one model or `null` for
 * `find`/`first`/`load`. A `count('* as total')` query gives models too (Lucid hydrates the row), so
 * its number is in `extras`.
 */
export type SerializedResult = SerializedModel[] | SerializedModel | SerializedPage | AffectedCounts | null

/** `paginate()`: Lucid's `paginator.serialize()`, meta keys per the model's naming strategy. */
export interface SerializedPage {
  meta: Record<string, unknown>
  data: SerializedModel[]
}

/** What a query's `update()` / `delete()` resolves to in Lucid: `[affectedRows]` (dry runs only). */
export type AffectedCounts = number[]

/**
 * The part of one model that `serialize()` omits: its `$extras` (`posts_count`, aggregate aliases,
 * `total`, `adonis_group_limit_counter`, selected columns that are not model columns), and the same
 * for each preloaded relation, keyed like the serialized relation (its `serializeAs`). A relation
 * with `serializeAs: null` is absent here as it is from the result.
 */
export interface ModelExtras {
  extras: Record<string, unknown>
  relations: Record<string, ModelExtras[] | ModelExtras | null>
}

/**
 * The extras of a paginated result: `data` is index-aligned with the result's `data`. The meta has
 * nothing `serialize()` leaves out, so it has no counterpart here; `{ data }` (not `meta`) is what
 * tells a page's extras from a model's (`{ extras, relations }`).
 */
export interface PageExtras {
  data: ModelExtras[]
}

/**
 * Index-aligned with `result`: an array for an array, one entry for a model, `{ data }` for a page,
 * `null` for `null` (and for write counts).
 */
export type ResultExtras = ModelExtras[] | ModelExtras | PageExtras | null

export interface PreviewResult {
  statements: ExecutedStatement[]
  result: SerializedResult
  extras: ResultExtras
  /** Some statement hit the row cap, so rows (and what was preloaded for them) are missing. */
  truncated: boolean
  warnings: string[]
  /** The plan wrote, so it ran as a dry run: in a transaction that was rolled back. */
  dryRun?: true
}
