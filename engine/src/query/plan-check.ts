// A plan's literal arguments checked before anything runs: what Lucid would paste into SQL text
// (sql-text.ts) must be what Lucid's API means, and no literal may carry a key knex or JavaScript
// treat specially. So a refused argument stops a preview before its first statement, even when it
// sits in a preload callback that Lucid only runs after the parent query.
import type { Call, QueryPlan } from '../plan'
import { canonicalMethod } from './builder-calls'
import { PreviewError } from './errors'
import { columnReference, comparisonOperator, nullsOrder, orderDirection, plainValue } from './sql-text'

const HAS = new Set(['has', 'orHas', 'doesntHave', 'orDoesntHave'])
const WHERE_HAS = new Set(['whereHas', 'orWhereHas', 'whereDoesntHave', 'orWhereDoesntHave'])

/** Throws the PreviewError (E_UNSUPPORTED) of the first refused argument, at any depth. */
export function checkCalls(calls: readonly Call[]): void {
  for (const call of calls) {
    checkCall(call)
    for (const arg of call.args) if (arg.kind === 'callback') checkCalls(arg.calls)
  }
}

export function checkPlan(plan: QueryPlan): void {
  checkCalls(plan.calls)
}

/** The reason `calls` are refused, or undefined (for onQuery hooks, which are skipped with it). */
export function refusedIn(calls: readonly Call[]): string | undefined {
  try {
    checkCalls(calls)
    return undefined
  } catch (error) {
    if (error instanceof PreviewError) return error.message
    throw error
  }
}

function checkCall({ method, args }: Call): void {
  const name = canonicalMethod(method)
  const values = args.map((arg) => (arg.kind === 'value' ? arg.value : undefined))
  for (const value of values) plainValue(value, `".${method}"`)
  const at = (position: string) => `".${method}" ${position}`
  if (name === 'groupOrderBy') {
    columnReference(values[0], at('column'))
    orderDirection(values[1], at('direction'))
  } else if (HAS.has(name) && values[2] !== undefined) {
    comparisonOperator(values[1], at('operator'))
  } else if (WHERE_HAS.has(name) && values[3] !== undefined) {
    comparisonOperator(values[2], at('operator'))
  } else if (name === 'orderBy' && Array.isArray(values[0])) {
    for (const column of values[0]) {
      if (column !== null && typeof column === 'object' && !Array.isArray(column))
        nullsOrder(column['nulls'], at('nulls'))
    }
  }
}
