// `lucid-lens preview [--project DIR] [--db FILE|URL] [--rows N] [--json] EXPRESSION`: the SQL and rows
// of Lucid code against the app's development database (SQLite, PostgreSQL or MySQL). Reads run
// read-only; writes run as dry runs and are rolled back.
import ts from 'typescript'
import { buildModelGraph } from '../analysis'
import { planFromCode, PlanSyntaxError } from '../preview/plan-from-code'
import { ProjectService } from '../project/project-service'
import { PreviewProblem } from './preview-problem'
import { previewOnTarget, resolveTarget } from './preview-target'
import { renderPreview } from './render-result'

export { PreviewProblem }

export interface PreviewOptions {
  project: string
  /** A SQLite file or a postgres:// / mysql:// URL. */
  db?: string
  /** The environment variable holding the database password. */
  passwordEnv?: string
  /** Statement timeout on PostgreSQL/MySQL, in milliseconds. */
  timeout?: number
  rows?: number
  json: boolean
  expression: string
}

export async function preview(options: PreviewOptions, color: boolean): Promise<string> {
  const project = new ProjectService(ts).discover(options.project)[0]
  if (!project)
    throw new PreviewProblem(
      `No tsconfig.json under ${options.project}.`,
      'Pass the app folder with --project.',
    )
  const graph = buildModelGraph(project.index())
  const plan = readPlan(options.expression)
  if (!graph.models.some((m) => m.name === plan.model)) {
    const known = graph.models.map((m) => m.name).join(', ')
    throw new PreviewProblem(`"${plan.model}" is not a Lucid model of this app.`, `Models: ${known}.`)
  }
  const target = resolveTarget(options, project.rootDir)
  // Dry runs (writes): always in a transaction that is rolled back; reads stay read-only.
  const result = await previewOnTarget(graph, plan, target, {
    rowCap: options.rows,
    dryRun: true,
    statementTimeoutMs: options.timeout,
  })
  return options.json ? JSON.stringify(result, null, 2) : renderPreview(result, color)
}

function readPlan(expression: string) {
  try {
    return planFromCode(expression)
  } catch (error) {
    if (!(error instanceof PlanSyntaxError)) throw error
    const caret = `${' '.repeat(error.offset)}^`
    throw new PreviewProblem(error.message, `${expression.trim()}\n${caret}`)
  }
}
