// Lucid code to a plan for a given app: syntax problems point at the offending piece, a model the app
// does not have is named with the ones it has, and a chain that starts at a variable nobody bound is
// reported as free (the editor asks for a row; `user` → `User.findOrFail(key)`).
import { call, type QueryPlan } from '../../../engine/src/plan'
import type { ModelGraph } from '../../../engine/src/model-graph'
import { FreeValueError, planFromCode, PlanSyntaxError, type Values, type Variables } from './plan-from-code'
import { PreviewProblem } from './preview-problem'

/** A variable bound to one row of a model. */
export interface BoundRow {
  model: string
  key: string | number
}

/** `free`: a chain root to bind to a row (`user`), or with `value` an argument to give a value (`page`). */
export type PlanReading = { kind: 'plan'; plan: QueryPlan } | { kind: 'free'; name: string; value?: true }

/** Throws a PreviewProblem (code E_PLAN) for code that cannot be previewed on this app. */
export function readPlan(
  expression: string,
  graph: ModelGraph,
  rows: Record<string, BoundRow> = {},
  values: Values = {},
  /** Off where nobody can be asked (the command line): a free value is then a syntax problem. */
  askValues = true,
): PlanReading {
  const names = new Set(graph.models.map((m) => m.name))
  for (const row of Object.values(rows)) if (!names.has(row.model)) throw unknownModel(row.model, graph)
  // fromEntries defines own properties: a variable named `__proto__` cannot replace the prototype.
  const variables: Variables = Object.fromEntries(
    Object.entries(rows).map(([name, row]) => [
      name,
      { model: row.model, calls: [call('findOrFail', row.key)] },
    ]),
  )
  let plan: QueryPlan
  try {
    plan = planFromCode(expression, variables, values)
  } catch (error) {
    if (askValues && error instanceof FreeValueError)
      return { kind: 'free', name: error.variable, value: true }
    if (!(error instanceof PlanSyntaxError)) throw error
    const caret = `${' '.repeat(error.offset)}^`
    throw new PreviewProblem(error.message, `${expression.trim()}\n${caret}`, 'E_PLAN')
  }
  if (names.has(plan.model)) return { kind: 'plan', plan }
  // An unbound root stays the plan's model. Models are classes (`User`); a lower-case root is a
  // variable of the code (`user`, `post`), to be bound to a row.
  const isNew = plan.calls[0]?.method === 'new'
  if (/^[a-z_$]/.test(plan.model) && !isNew) return { kind: 'free', name: plan.model }
  throw unknownModel(plan.model, graph)
}

function unknownModel(name: string, graph: ModelGraph): PreviewProblem {
  const known = graph.models.map((m) => m.name).join(', ')
  return new PreviewProblem(`"${name}" is not a Lucid model of this app.`, `Models: ${known}.`, 'E_PLAN')
}

/**
 * The model a variable most likely holds, from its name: `user` → User, `currentUser` → User,
 * `post` → Post. Used when nothing better (the code's types) is known.
 */
export function modelFromName(name: string, graph: ModelGraph): string | undefined {
  const lower = name.toLowerCase()
  const byLength = [...graph.models].sort((a, b) => b.name.length - a.name.length)
  return (
    byLength.find((m) => m.name.toLowerCase() === lower)?.name ??
    byLength.find((m) => name.endsWith(m.name))?.name
  )
}
