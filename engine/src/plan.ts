// A query plan is the chain of calls a user writes, starting at a model class, as plain JSON:
// `User.findOrFail(1).related('posts').query().where('isPublished', true)` becomes
// `{ model: 'User', calls: [findOrFail(1), related('posts'), query(), where('isPublished', true)] }`.
// Awaits are implicit: a call on a pending result applies to what it resolves to, as in Lucid code.
// The server builds plans from source text; the engine interprets them (engine/src/query).

/** A literal argument: whatever JSON can carry (objects for `where({ ... })`, arrays for `whereIn`). */
export type PlanValue = null | boolean | number | string | PlanValue[] | { [key: string]: PlanValue }

/**
 * One argument of a call. A callback `(q) => q.where(...).orWhere(...)` is the chain of calls made on
 * its parameter; statements on the parameter (`q.where(); q.orWhere()`) are the same chain.
 */
export type PlanArg = { kind: 'value'; value: PlanValue } | { kind: 'callback'; calls: Call[] }

export interface Call {
  method: string
  args: PlanArg[]
}

export interface QueryPlan {
  /** The model class name the chain starts at (`ModelInfo.name`). */
  model: string
  calls: Call[]
}

/** A value argument. */
export function v(value: PlanValue): PlanArg {
  return { kind: 'value', value }
}

/** A callback argument: the calls made on its parameter. */
export function callback(...calls: Call[]): PlanArg {
  return { kind: 'callback', calls }
}

/** A call whose arguments are given as plain values or as ready-made PlanArgs (callbacks). */
export function call(method: string, ...args: Array<PlanValue | PlanArg>): Call {
  return { method, args: args.map((arg) => (isPlanArg(arg) ? arg : v(arg))) }
}

// Ambiguous only for an object literal shaped exactly like a PlanArg, which no Lucid call takes.
function isPlanArg(arg: PlanValue | PlanArg): arg is PlanArg {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return false
  const record = arg as Record<string, unknown>
  if (Object.keys(record).length !== 2) return false
  return (
    (record.kind === 'value' && 'value' in record) ||
    (record.kind === 'callback' && Array.isArray(record.calls))
  )
}
