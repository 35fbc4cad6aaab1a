// `lucidLens/preview`: Lucid code from the editor against the app's development database. Reads run
// read-only, writes as dry runs that are rolled back; a chain that starts at an unbound variable asks
// for it (`needsVariables`), and variables bound to rows start at `Model.findOrFail(key)`. Cancelling
// the request stops the running statement. Every failure is an answer, never a thrown error.
import type { CancellationToken } from 'vscode-languageserver'
import { problemOf } from '../preview/preview-problem'
import { modelFromName, readPlan } from '../preview/read-plan'
import { runOnTarget } from '../preview/run-on-target'
import { PREVIEW_REQUEST, type PreviewAnswer, type PreviewParams } from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import {
  answerOf,
  appForDatabase,
  databaseOf,
  EDITOR_HINTS,
  failedAnswer,
  isProblem,
  signalOf,
} from './database-access'

export const previewFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    context.connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams, token: CancellationToken) =>
      guard(
        context.connection,
        'preview',
        () => preview(context, params, token),
        failedAnswer('preview'),
      )(params),
    )
  },
}

async function preview(
  context: ServerContext,
  params: PreviewParams,
  token: CancellationToken,
): Promise<PreviewAnswer> {
  const app = await appForDatabase(context, params.uri)
  if (isProblem(app)) return app
  const { graph, project } = app
  try {
    const reading = readPlan(params.expression, graph, params.variables ?? {})
    if (reading.kind === 'free') {
      const model = modelFromName(reading.name, graph)
      return { kind: 'needsVariables', variables: [{ name: reading.name, ...(model ? { model } : {}) }] }
    }
    const database = databaseOf(context, project)
    if (isProblem(database)) return database
    const settings = context.settings().preview
    const result = await runOnTarget(graph, reading.plan, database.target, {
      rowCap: wholePositive(params.rowCap) ?? settings.rowCap,
      timeoutMs: settings.timeoutMs,
      signal: signalOf(token),
      dryRun: true,
      explain: explainOf(params.explain),
    })
    return {
      kind: 'result',
      expression: params.expression,
      plan: reading.plan,
      target: database.label,
      dryRun: result.dryRun === true,
      result,
    }
  } catch (error) {
    return answerOf(problemOf(error, EDITOR_HINTS))
  }
}

/** Anything but the two modes (a client's typo, an old client) asks for no plan. */
function explainOf(value: unknown): 'plan' | 'analyze' | undefined {
  return value === 'plan' || value === 'analyze' ? value : undefined
}

function wholePositive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}
