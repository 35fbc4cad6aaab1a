// `lucidLens/preview`: Lucid code from the editor against the app's development database. Reads run
// read-only, writes as dry runs that are rolled back; a chain that starts at an unbound variable asks
// for it (`needsVariables`), and variables bound to rows start at `Model.findOrFail(key)`. Without a
// database to run on, the answer is the SQL Lucid would send and how to connect one (`kind: 'sql'`).
// Cancelling the request stops the running statement. Every failure is an answer, never a thrown error.
import type { CancellationToken } from 'vscode-languageserver'
import { PreviewError } from '../../../engine/src/query/errors'
import type { QueryPlan } from '../../../engine/src/plan'
import { problemOf } from '../preview/preview-problem'
import { modelFromName, readPlan } from '../preview/read-plan'
import { runOnTarget } from '../preview/run-on-target'
import { appDialect, dialectOfKind, isNoDatabase, sqlOnly, type SqlDialect } from '../preview/sql-only'
import { PREVIEW_REQUEST, type PreviewAnswer, type PreviewParams, type ProblemAnswer } from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import {
  answerOf,
  appAt,
  databaseOf,
  DISABLED,
  EDITOR_HINTS,
  failedAnswer,
  isProblem,
  signalOf,
  type AppAt,
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
  await context.settingsReady
  const app = appAt(context, params.uri)
  if (isProblem(app)) return app
  const { graph, project } = app
  try {
    const reading = readPlan(params.expression, graph, params.variables ?? {}, params.values ?? {})
    if (reading.kind === 'free' && reading.value)
      return { kind: 'needsVariables', variables: [{ name: reading.name, value: true }] }
    if (reading.kind === 'free') {
      const model = modelFromName(reading.name, graph)
      return { kind: 'needsVariables', variables: [{ name: reading.name, ...(model ? { model } : {}) }] }
    }
    const { plan } = reading
    const settings = context.settings()
    const connection = settings.database.connection
    if (!settings.database.enable)
      return await sqlAnswer(app, params, plan, appDialect(project.rootDir, connection), DISABLED)
    const database = databaseOf(context, project)
    if (isProblem(database))
      return await sqlAnswer(app, params, plan, appDialect(project.rootDir, connection), database)
    // A row bound to a placeholder (the model has no rows to pick): the SQL is all there is to show.
    const placeholders = Object.entries(params.variables ?? {}).filter(([, row]) => isPlaceholder(row))
    const [first] = placeholders
    if (first)
      return await sqlAnswer(app, params, plan, dialectOfKind(database.target.kind), {
        kind: 'error',
        code: 'E_NO_ROWS',
        message: `"${first[0]}" is a placeholder (${String(first[1].key)}): no ${first[1].model} row could be listed.`,
        hint: `Previews run from a real row: add a ${first[1].model} (a seeder, or the app), or run node ace migration:run if its table is missing.`,
      })
    try {
      const result = await runOnTarget(graph, plan, database.target, {
        rowCap: wholePositive(params.rowCap) ?? settings.preview.rowCap,
        timeoutMs: settings.preview.timeoutMs,
        signal: signalOf(token),
        dryRun: true,
        explain: explainOf(params.explain),
      })
      return {
        kind: 'result',
        expression: params.expression,
        plan,
        target: database.label,
        dryRun: result.dryRun === true,
        result,
      }
    } catch (error) {
      if (!(error instanceof PreviewError) || !isNoDatabase(error.code)) throw error
      const problem = answerOf(problemOf(error, EDITOR_HINTS))
      return await sqlAnswer(app, params, plan, dialectOfKind(database.target.kind), problem)
    }
  } catch (error) {
    return answerOf(problemOf(error, EDITOR_HINTS))
  }
}

async function sqlAnswer(
  { graph }: AppAt,
  params: PreviewParams,
  plan: QueryPlan,
  dialect: SqlDialect,
  why: ProblemAnswer,
): Promise<PreviewAnswer> {
  const { statements, warnings } = await sqlOnly(graph, plan, dialect, EDITOR_HINTS)
  return {
    kind: 'sql',
    expression: params.expression,
    plan,
    dialect: dialect.name,
    statements,
    warnings,
    message: `Not run: ${why.message}`,
    ...(why.hint !== undefined ? { hint: why.hint } : {}),
    ...(why.code !== undefined ? { code: why.code } : {}),
  }
}

/** Anything but the two modes (a client's typo, an old client) asks for no plan. */
function explainOf(value: unknown): 'plan' | 'analyze' | undefined {
  return value === 'plan' || value === 'analyze' ? value : undefined
}

function wholePositive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function isPlaceholder(row: { model: string; key: string | number }): boolean {
  return typeof row.key === 'string' && row.key.startsWith(`<${row.model}.`) && row.key.endsWith('>')
}
