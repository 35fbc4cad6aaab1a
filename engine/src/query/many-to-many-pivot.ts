// Lucid's `PivotHelpers` (relations/many_to_many/pivot_helpers.ts): the pivot-table clauses shared
// by the manyToMany query and subquery builders. Pivot columns are prefixed with the pivot table
// unless they already name a table; previews never build Lucid's pivot-only queries.
import type { PivotKeys } from '../model-graph'
import type { Chainable } from './chainable'
import { PreviewError } from './errors'
import type { BootedRelation } from './model-registry'

/** A builder of a manyToMany relation (its related query or its subquery). */
export interface PivotQuery extends Chainable {
  readonly relation: BootedRelation
}

export type PivotVariation = 'and' | 'or' | 'not' | 'orNot'

/** The registry boots a manyToMany only with its pivot keys, so this holds for every pivot builder. */
export function pivotOf(relation: BootedRelation): PivotKeys {
  if (!relation.pivot) throw new PreviewError(`"${relation.name}" has no pivot table`, 'E_RUNTIME_EXCEPTION')
  return relation.pivot
}

export function prefixPivotTable(relation: BootedRelation, column: string): string {
  return column.includes('.') ? column : `${pivotOf(relation).table}.${column}`
}

/** `pivot_<column>`: the alias pivot columns are selected under, so they land in `$extras`. */
export function pivotAlias(column: string): string {
  return `pivot_${column}`
}

const WHERE = { and: 'where', or: 'orWhere', not: 'whereNot', orNot: 'orWhereNot' }
const WHERE_IN = { and: 'whereIn', or: 'orWhereIn', not: 'whereNotIn', orNot: 'orWhereNotIn' }
const WHERE_NULL = { and: 'whereNull', or: 'orWhereNull', not: 'whereNotNull', orNot: 'orWhereNotNull' }

/** Without an operator nor a value the key is passed as is (a callback or an object), unprefixed. */
export function wherePivot(
  query: PivotQuery,
  variation: PivotVariation,
  key: unknown,
  operator: unknown,
  value: unknown,
): void {
  const method = WHERE[variation]
  const prefixed = typeof key === 'string' ? prefixPivotTable(query.relation, key) : key
  if (value !== undefined) query.addWhere(method, prefixed, operator, value)
  else if (operator !== undefined) query.addWhere(method, prefixed, operator)
  else query.addWhere(method, key)
}

export function whereInPivot(
  query: PivotQuery,
  variation: PivotVariation,
  key: unknown,
  value: unknown,
): void {
  const prefix = (one: unknown) => (typeof one === 'string' ? prefixPivotTable(query.relation, one) : one)
  query.whereIn(WHERE_IN[variation], Array.isArray(key) ? key.map(prefix) : prefix(key), value)
}

export function whereNullPivot(query: PivotQuery, variation: PivotVariation, key: unknown): void {
  const column = typeof key === 'string' ? prefixPivotTable(query.relation, key) : key
  query.pushWhere(WHERE_NULL[variation], [query.resolveKey(column)])
}

/** The related query aliases each column `pivot_<column>`; the subquery selects it plainly. */
export function pivotColumns(query: PivotQuery, columns: unknown[], alias: boolean): void {
  query.knexQuery.select(
    columns.map((column) => {
      const prefixed = prefixPivotTable(query.relation, String(column))
      return alias ? `${prefixed} as ${pivotAlias(String(column))}` : prefixed
    }),
  )
}
