// Applies one plan call to a query builder, the way the same method call behaves on Lucid's builder.
// The supported surface is an explicit allow-list: anything else fails with
// `".whereRaw" is not supported in previews` rather than guessing.
import type { Call, PlanArg } from '../plan'
import type { UserCallback } from './chainable'
import { runtimeError, unsupported } from './errors'
import {
  pivotColumns,
  wherePivot,
  whereInPivot,
  whereNullPivot,
  type PivotQuery,
  type PivotVariation,
} from './many-to-many-pivot'
import { ManyToManyQuery } from './many-to-many-query'
import { ManyToManySubQuery } from './many-to-many-sub-query'
import type { ModelQuery, WhereHasBoolean } from './model-query'
import { RelatedQuery } from './relation-query'
import { SubQuery } from './sub-query'

type Handler = (query: ModelQuery, args: unknown[], method: string) => void

/** Plan arguments as Lucid receives them: values as-is, callbacks as functions over a child builder. */
export function toArgs(args: PlanArg[]): unknown[] {
  return args.map((arg) =>
    arg.kind === 'value'
      ? arg.value
      : (query: ModelQuery) => arg.calls.forEach((c) => applyBuilderCall(query, c)),
  )
}

const whereClause: Handler = (q, [key, operator, value], method) => q.addWhere(method, key, operator, value)
const whereIn: Handler = (q, [columns, values], method) => q.whereIn(method, columns, values)
const whereNull: Handler = (q, [key], method) => q.pushWhere(method, [q.resolveKey(key)])
const whereLike: Handler = (q, [key, value], method) =>
  q.pushWhere(method, [q.resolveKey(key), q.transformValue(value)])
const whereBetween: Handler = (q, [key, value], method) => {
  const [lhs, rhs] = Array.isArray(value) ? value : []
  if (lhs === undefined || rhs === undefined) throw runtimeError('Invalid array for whereBetween value')
  q.pushWhere(method, [q.resolveKey(key), [q.transformValue(lhs), q.transformValue(rhs)]])
}
const aggregate: Handler = (q, [columns, alias], method) => q.aggregate(method, columns, alias)

const has =
  (boolean: WhereHasBoolean): Handler =>
  (q, [name, operator, value]) =>
    q.addWhereHas(String(name), boolean, operator, value)
const whereHas =
  (boolean: WhereHasBoolean): Handler =>
  (q, [name, callback, operator, value]) =>
    q.addWhereHas(String(name), boolean, operator, value, callback as UserCallback<ModelQuery>)

const relatedOnly =
  (apply: (query: RelatedQuery, args: unknown[]) => void): Handler =>
  (q, args, method) => {
    if (!(q instanceof RelatedQuery))
      throw runtimeError(`".${method}" is only available on relationship queries`)
    apply(q, args)
  }

/** Pivot clauses exist only on manyToMany builders; elsewhere Lucid has no such method. */
const pivotOnly =
  (apply: (query: PivotQuery, args: unknown[]) => void): Handler =>
  (q, args, method) => {
    if (!(q instanceof ManyToManyQuery) && !(q instanceof ManyToManySubQuery))
      throw new TypeError(`query.${method} is not a function`)
    apply(q, args)
  }

const pivotWhere = (variation: PivotVariation): Handler =>
  pivotOnly((q, [key, operator, value]) => wherePivot(q, variation, key, operator, value))
const pivotIn = (variation: PivotVariation): Handler =>
  pivotOnly((q, [key, value]) => whereInPivot(q, variation, key, value))
const pivotNull = (variation: PivotVariation): Handler =>
  pivotOnly((q, [key]) => whereNullPivot(q, variation, key))

const PIVOT_HANDLERS: Record<string, Handler> = {
  wherePivot: pivotWhere('and'),
  orWherePivot: pivotWhere('or'),
  whereNotPivot: pivotWhere('not'),
  orWhereNotPivot: pivotWhere('orNot'),
  whereInPivot: pivotIn('and'),
  orWhereInPivot: pivotIn('or'),
  whereNotInPivot: pivotIn('not'),
  orWhereNotInPivot: pivotIn('orNot'),
  whereNullPivot: pivotNull('and'),
  orWhereNullPivot: pivotNull('or'),
  whereNotNullPivot: pivotNull('not'),
  orWhereNotNullPivot: pivotNull('orNot'),
  pivotColumns: pivotOnly((q, [columns]) =>
    pivotColumns(q, Array.isArray(columns) ? columns : [], q instanceof ManyToManyQuery),
  ),
}

// A Map, never a plain object: a lookup on an object literal would find `constructor`, `toString`
// or `__proto__` on Object.prototype and run it as a builder method.
const HANDLERS = new Map<string, Handler>(
  Object.entries({
    ...PIVOT_HANDLERS,
    ...each(['where', 'orWhere', 'whereNot', 'orWhereNot'], whereClause),
    ...each(['whereIn', 'orWhereIn', 'whereNotIn', 'orWhereNotIn'], whereIn),
    ...each(['whereNull', 'orWhereNull', 'whereNotNull', 'orWhereNotNull'], whereNull),
    ...each(['whereBetween', 'orWhereBetween', 'whereNotBetween', 'orWhereNotBetween'], whereBetween),
    ...each(['whereLike', 'orWhereLike', 'whereILike', 'orWhereILike'], whereLike),
    ...each(['count', 'countDistinct', 'min', 'max', 'sum', 'sumDistinct', 'avg', 'avgDistinct'], aggregate),
    select: (q, args) => q.select(...args),
    orderBy: (q, [column, direction]) => q.orderBy(column, direction),
    limit: (q, [value]) => q.limit(value),
    offset: (q, [value]) => q.offset(value),
    forPage: (q, [page, perPage]) =>
      q.offset(page === 1 ? 0 : Number(perPage) * (Number(page) - 1)).limit(perPage),
    as: (q, [alias]) => q.as(alias),
    groupLimit: relatedOnly((q, [limit]) => q.groupLimit(limit)),
    groupOrderBy: relatedOnly((q, [column, direction]) => q.groupOrderBy(column, direction)),
    preload: (q, [name, callback]) =>
      q.preload(String(name), callback as UserCallback<ModelQuery> | undefined),
    withCount: (q, [name, callback]) =>
      q.withCount(String(name), callback as UserCallback<ModelQuery> | undefined),
    withAggregate: (q, [name, callback]) => {
      if (typeof callback !== 'function') throw runtimeError('"withAggregate" expects a callback')
      q.withAggregate(String(name), callback as UserCallback<ModelQuery>)
    },
    // Only reached inside callbacks (a top-level paginate is the interpreter's terminal): Lucid's
    // preload and subquery builders refuse it synchronously; elsewhere it would run a query mid-callback.
    paginate: (q) => {
      if (q instanceof RelatedQuery) q.ensurePaginatable()
      if (q instanceof SubQuery) throw runtimeError('Cannot execute relationship subqueries')
      throw unsupported('paginate')
    },
    has: has('and'),
    orHas: has('or'),
    doesntHave: has('not'),
    orDoesntHave: has('orNot'),
    whereHas: whereHas('and'),
    orWhereHas: whereHas('or'),
    whereDoesntHave: whereHas('not'),
    orWhereDoesntHave: whereHas('orNot'),
  }),
)

/** Is `method` a builder method the engine understands (terminal methods are the interpreter's)? */
export function isBuilderMethod(method: string): boolean {
  return HANDLERS.has(canonicalMethod(method))
}

export function applyBuilderCall(query: ModelQuery, { method, args }: Call): void {
  const handler = HANDLERS.get(canonicalMethod(method))
  if (!handler) throw unsupported(method)
  handler(query, toArgs(args), canonicalMethod(method))
}

/** Lucid's `andX` methods are aliases of `x` (`andWhereNull` is `whereNull`, `andHas` is `has`). */
export function canonicalMethod(method: string): string {
  const match = /^and([A-Z])(.*)$/.exec(method)
  return match ? `${(match[1] as string).toLowerCase()}${match[2]}` : method
}

function each(methods: string[], handler: Handler): Record<string, Handler> {
  return Object.fromEntries(methods.map((method) => [method, handler]))
}
