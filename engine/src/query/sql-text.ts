// The few arguments Lucid (and knex) paste into SQL text instead of binding: the groupLimit window's
// column and direction, the operator of `has`/`whereHas` with a count, and `nulls` of an orderBy
// column object (PostgreSQL). A preview accepts there only what Lucid's API means (a column name,
// `asc`/`desc`, a comparison operator, `first`/`last`), so legitimate calls keep Lucid's exact SQL
// and anything else is refused with the reason. Everything else reaches the database as a binding
// or as an identifier knex quotes and escapes.
import { PreviewError } from './errors'

/** `id`, `posts.created_at`, `public.posts.id`: letters, digits, `_` and `$`, up to three parts. */
const COLUMN_REFERENCE = /^[\p{L}_][\p{L}\p{N}_$]*(\.[\p{L}_][\p{L}\p{N}_$]*){0,2}$/u

const DIRECTIONS = new Set(['asc', 'desc'])

/** The comparisons `has('posts', '>=', 2)` can make between a count and a value. */
const COMPARISONS = new Set(['=', '<', '>', '<=', '>=', '<>', '!=', '<=>'])

const NULLS = new Set(['first', 'last'])

function refused(message: string): PreviewError {
  return new PreviewError(message, 'E_UNSUPPORTED')
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const short = text.length > 50 ? `${text.slice(0, 47)}...` : text
  return typeof value === 'string' ? JSON.stringify(short) : short
}

export function isColumnReference(value: unknown): value is string {
  return typeof value === 'string' && COLUMN_REFERENCE.test(value)
}

/** A column pasted into SQL text: a plain column name, optionally with its table. */
export function columnReference(value: unknown, where: string): string {
  if (isColumnReference(value)) return value
  throw refused(
    `${where}: ${shown(value)} is not supported in previews: expected a column name, optionally with its table (e.g. "posts.created_at")`,
  )
}

/** A direction pasted into SQL text; a missing one stays `undefined`, as Lucid prints it (G3). */
export function orderDirection(value: unknown, where: string): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'string' && DIRECTIONS.has(value.toLowerCase())) return value
  throw refused(`${where}: ${shown(value)} is not supported in previews: expected "asc" or "desc"`)
}

export function comparisonOperator(value: unknown, where: string): string {
  if (typeof value === 'string' && COMPARISONS.has(value)) return value
  throw refused(
    `${where}: ${shown(value)} is not supported in previews: expected a comparison (${[...COMPARISONS].join(' ')})`,
  )
}

export function nullsOrder(value: unknown, where: string): void {
  if (value === undefined || (typeof value === 'string' && NULLS.has(value))) return
  throw refused(`${where}: ${shown(value)} is not supported in previews: expected "first" or "last"`)
}

/**
 * Keys no literal of Lucid code needs and that would change what knex does with an object:
 * `isRawInstance` makes knex take the object for raw SQL, `__proto__` replaces its prototype.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'isRawInstance'])

/** Refuses a literal argument holding a forbidden key at any depth. */
export function plainValue(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) plainValue(item, where)
    return
  }
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw refused(`${where}: the key "${key}" is not supported in previews`)
    plainValue(item, where)
  }
}
