// Lucid's `Chainable` (database/query_builder/chainable.ts) over a knex builder: where clauses
// collect in a where stack whose groups `applyWhere()` turns into wrapped knex groups, and every
// column goes through the model's exact attribute-to-column lookup. Kept line-for-line close to
// Lucid, because the SQL text must be identical.
import type { Knex } from 'knex'
import { invoke, isObject } from './dynamic-call'
import { runtimeError } from './errors'
import type { ModelMeta } from './model-registry'
import { nullsOrder } from './sql-text'

export interface WhereNode {
  method: string
  args: unknown[]
}

/** A user callback as the dispatcher builds it from a plan callback. */
export type UserCallback<T> = (query: T) => void

export abstract class Chainable {
  hasAggregates = false
  subQueryAlias: string | undefined
  whereStack: WhereNode[][] = [[]]

  constructor(
    public knexQuery: Knex.QueryBuilder,
    readonly model: ModelMeta,
  ) {}

  /** Lucid's `queryCallback`: wraps a user callback so it receives a child builder of this class. */
  protected abstract childCallback(userFn: UserCallback<this>): (builder: Knex.QueryBuilder) => void

  recentStackItem(): WhereNode[] {
    return this.whereStack[this.whereStack.length - 1] as WhereNode[]
  }

  pushWhere(method: string, args: unknown[]): this {
    this.recentStackItem().push({ method, args })
    return this
  }

  /** Destructive like Lucid's (gotcha G2): call once per compile, on a builder never compiled before. */
  applyWhere(): void {
    this.knexQuery.clearWhere()
    if (this.whereStack.length === 1) {
      for (const { method, args } of this.whereStack[0] as WhereNode[]) invoke(this.knexQuery, method, args)
      return
    }
    for (const collection of this.whereStack) {
      const first = collection.shift()
      if (!first) continue
      const wrapping = first.method.startsWith('or') ? 'orWhere' : 'where'
      invoke(this.knexQuery, wrapping, [
        (subquery: Knex.QueryBuilder) => {
          invoke(subquery, first.method, first.args)
          for (const { method, args } of collection) invoke(subquery, method, args)
        },
      ])
    }
  }

  get columns(): unknown[] {
    return this.statements()
      .filter(({ grouping }) => grouping === 'columns')
      .reduce<unknown[]>((result, { value }) => result.concat(value), [])
  }

  /** knex's internal statement list, which Lucid reads and edits (`selectRelationKeys`). */
  statements(): Array<{ grouping: string; value: unknown[] }> {
    return (this.knexQuery as unknown as { _statements: Array<{ grouping: string; value: unknown[] }> })
      ._statements
  }

  resolveKey(key: unknown, checkForObject = false, returnValue?: unknown): unknown {
    if (typeof key === 'string') return key === '*' ? key : this.model.resolveKey(key)
    if (checkForObject && isObject(key)) {
      return Object.fromEntries(
        Object.entries(key).map(([column, value]) => [this.model.resolveKey(column), value]),
      )
    }
    return returnValue || key
  }

  transformValue(value: unknown): unknown {
    if (value instanceof Chainable) return value.toKnex()
    if (typeof value === 'function') return this.childCallback(value as UserCallback<this>)
    return value
  }

  wrapExisting(): this {
    if (this.recentStackItem().length) this.whereStack.push([])
    return this
  }

  /** `where`, `orWhere`, `whereNot`, `orWhereNot`: one, two or three arguments. */
  addWhere(method: string, key: unknown, operator?: unknown, value?: unknown): this {
    if (value !== undefined)
      return this.pushWhere(method, [this.resolveKey(key), operator, this.transformValue(value)])
    if (operator !== undefined)
      return this.pushWhere(method, [this.resolveKey(key), this.transformValue(operator)])
    if (typeof key === 'string')
      throw runtimeError(`".${method}" expects value to be defined, but undefined is passed`)
    const callback = typeof key === 'function' ? this.transformValue(key) : undefined
    return this.pushWhere(method, [this.resolveKey(key, true, callback)])
  }

  where(key: unknown, operator?: unknown, value?: unknown): this {
    return this.addWhere('where', key, operator, value)
  }

  whereIn(method: string, columns: unknown, value: unknown): this {
    const values = Array.isArray(value)
      ? value.map((one) => this.transformValue(one))
      : this.transformValue(value)
    const keys = Array.isArray(columns)
      ? columns.map((column) => this.resolveKey(column))
      : this.resolveKey(columns)
    return this.pushWhere(method, [keys, values])
  }

  select(...args: unknown[]): this {
    const columns = Array.isArray(args[0]) ? (args[0] as unknown[]) : args
    const mapped = columns.map((column) =>
      typeof column === 'string' ? this.resolveKey(column, true) : this.transformValue(column),
    )
    this.knexQuery.select(mapped as string[])
    return this
  }

  from(table: unknown): this {
    invoke(this.knexQuery, 'from', [this.transformValue(table)])
    return this
  }

  orderBy(column: unknown, direction?: unknown): this {
    if (typeof column === 'string') {
      invoke(this.knexQuery, 'orderBy', [this.resolveKey(column), direction])
    } else if (Array.isArray(column)) {
      const columns = column.map((col: unknown) => {
        if (typeof col === 'string') return { column: this.resolveKey(col) }
        // knex pastes `nulls` into PostgreSQL's SQL text.
        if (isObject(col)) nullsOrder(col.nulls, '".orderBy" nulls')
        if (isObject(col) && col.column) {
          const resolved =
            typeof col.column === 'string' ? this.resolveKey(col.column) : this.transformValue(col.column)
          return { ...col, column: resolved }
        }
        return col
      })
      invoke(this.knexQuery, 'orderBy', [columns])
    } else {
      invoke(this.knexQuery, 'orderBy', [this.transformValue(column), direction])
    }
    return this
  }

  limit(value: unknown): this {
    invoke(this.knexQuery, 'limit', [value])
    return this
  }

  offset(value: unknown): this {
    invoke(this.knexQuery, 'offset', [value])
    return this
  }

  /** `count`, `countDistinct`, `min`, `max`, `sum`, `sumDistinct`, `avg`, `avgDistinct`. */
  aggregate(method: string, columns: unknown, alias?: unknown): this {
    this.hasAggregates = true
    invoke(this.knexQuery, method, [this.normalizeAggregateColumns(columns, alias)])
    return this
  }

  private normalizeAggregateColumns(columns: unknown, alias: unknown): unknown {
    if (isObject(columns) && columns.constructor === Object) {
      return Object.fromEntries(
        Object.entries(columns).map(([key, value]) => [
          key,
          typeof value === 'string' ? this.resolveKey(value) : this.transformValue(value),
        ]),
      )
    }
    if (!alias) return columns
    const resolved = typeof columns === 'string' ? this.resolveKey(columns) : this.transformValue(columns)
    return { [String(alias)]: resolved }
  }

  as(alias: unknown): this {
    this.subQueryAlias = String(alias)
    this.knexQuery.as(String(alias))
    return this
  }

  toKnex(): Knex.QueryBuilder {
    this.applyWhere()
    return this.knexQuery
  }
}
