// Applies a relation's `onQuery` body (a plan fragment the analysis read from source) to a new
// relation builder, where Lucid calls the hook: once per builder, right after it is created, so
// before the user's callback and before the lazy relation constraint (lucid-hasmany.md section 7).
// `if` steps test the builder's own flags, so each entry point takes the branch Lucid would.
import type { OnQueryFlag, OnQueryStep } from '../model-graph'
import type { Call } from '../plan'
import { applyBuilderCall, isBuilderMethod } from './builder-calls'
import { refusedIn } from './plan-check'
import type { ModelQuery } from './model-query'
import type { BootedRelation } from './model-registry'
import type { Runtime } from './runtime'

/** A relation builder: `RelatedQuery` (related, preload) or `SubQuery` (has, withCount, ...). */
export type FlaggedQuery = ModelQuery & Readonly<Record<OnQueryFlag, boolean>>

export function applyOnQuery(runtime: Runtime, relation: BootedRelation, query: FlaggedQuery): void {
  const info = relation.parent.relationInfo(relation.name)
  const id = `${relation.parent.name}.${relation.name}`
  const plan = info?.onQuery
  if (!plan) {
    // A graph built without the analysis knows that a hook exists, not what it does.
    if (info?.hasOnQuery) runtime.warn(`The onQuery hook of "${id}" is not applied in previews yet`)
    return
  }
  // Half a hook would be a silent difference: run without it and say why, once per preview.
  const reason =
    'unsupported' in plan ? plan.unsupported : (unsupportedCall(plan.steps) ?? refusedSteps(plan.steps))
  if (reason !== undefined) runtime.warn(`onQuery of "${id}" was not applied: ${reason}`)
  else if ('steps' in plan) runSteps(plan.steps, query)
}

function runSteps(steps: OnQueryStep[], query: FlaggedQuery): void {
  for (const step of steps) {
    if ('calls' in step) {
      for (const call of step.calls) applyBuilderCall(query, call)
      continue
    }
    const taken = query[step.if.flag] !== step.if.negated
    runSteps((taken ? step.then : step.else) ?? [], query)
  }
}

/** The first call, at any depth, that the engine's builders do not implement. */
function unsupportedCall(steps: OnQueryStep[]): string | undefined {
  for (const step of steps) {
    const found =
      'calls' in step
        ? unsupportedIn(step.calls)
        : (unsupportedCall(step.then) ?? unsupportedCall(step.else ?? []))
    if (found) return found
  }
  return undefined
}

/** The first argument, at any depth, that previews refuse to paste into SQL (plan-check.ts). */
function refusedSteps(steps: OnQueryStep[]): string | undefined {
  for (const step of steps) {
    const found =
      'calls' in step ? refusedIn(step.calls) : (refusedSteps(step.then) ?? refusedSteps(step.else ?? []))
    if (found) return found
  }
  return undefined
}

function unsupportedIn(calls: Call[]): string | undefined {
  for (const { method, args } of calls) {
    if (!isBuilderMethod(method)) return `".${method}" is not supported in previews`
    for (const arg of args) {
      const found = arg.kind === 'callback' ? unsupportedIn(arg.calls) : undefined
      if (found) return found
    }
  }
  return undefined
}
