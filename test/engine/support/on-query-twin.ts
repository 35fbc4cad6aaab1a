// Turns an `onQuery` fragment (OnQueryPlan) back into a real function for real Lucid: call steps
// call the real builder's methods, and `if` steps read the real builder's flags, so Lucid itself
// decides which branch each entry point takes. An unsupported fragment gives no hook at all, which
// is what the engine previews (it runs without the hook and says so).
import type { OnQueryPlan, OnQueryStep } from '../../../engine/src/model-graph'
import type { Call, PlanArg } from '../../../engine/src/plan'
import type { LucidQuery } from './lucid-twin'

export function onQueryFunction(plan: OnQueryPlan | undefined): ((query: LucidQuery) => void) | undefined {
  if (!plan || 'unsupported' in plan) return undefined
  return (query) => runSteps(query, plan.steps)
}

function runSteps(query: LucidQuery, steps: OnQueryStep[]): void {
  for (const step of steps) {
    if ('calls' in step) applyCalls(query, step.calls)
    else runSteps(query, (query[step.if.flag] !== step.if.negated ? step.then : step.else) ?? [])
  }
}

function applyCalls(query: LucidQuery, calls: Call[]): LucidQuery {
  return calls.reduce((builder, { method, args }) => builder[method](...args.map(toArgument)), query)
}

// A fresh copy of each value: Lucid may keep (and knex may mutate) what it is given.
function toArgument(arg: PlanArg): unknown {
  return arg.kind === 'value' ? structuredClone(arg.value) : (q: LucidQuery) => applyCalls(q, arg.calls)
}
