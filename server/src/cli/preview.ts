// `lucid-lens preview [--project DIR] [--db FILE|URL] [--rows N] [--json] [--explain[=analyze]] EXPRESSION`: the SQL and rows
// of Lucid code against the app's development database (SQLite, PostgreSQL or MySQL). Reads run
// read-only; writes run as dry runs and are rolled back.
import ts from 'typescript'
import { buildModelGraph } from '../analysis'
import { PreviewProblem, problemOf } from '../preview/preview-problem'
import { readPlan } from '../preview/read-plan'
import { runOnTarget } from '../preview/run-on-target'
import { ProjectService } from '../project/project-service'
import { CLI_HINTS, resolveTarget } from './preview-target'
import { renderPreview } from './render-result'

export { PreviewProblem }

export interface PreviewOptions {
  project: string
  /** A SQLite file or a postgres:// / mysql:// URL. */
  db?: string
  /** The environment variable holding the database password. */
  passwordEnv?: string
  /** Time limit in milliseconds: per statement on PostgreSQL/MySQL, for the whole preview on SQLite. */
  timeout?: number
  rows?: number
  json: boolean
  /** `--explain` (`plan`) or `--explain=analyze`: each read's query plan under its statement. */
  explain?: 'plan' | 'analyze'
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
  const reading = readPlan(options.expression, graph)
  if (reading.kind === 'free') {
    const known = graph.models.map((m) => m.name).join(', ')
    throw new PreviewProblem(
      `"${reading.name}" is not a Lucid model of this app.`,
      `Start at a model (${known}), e.g. User.findOrFail(1) instead of a variable.`,
    )
  }
  const target = resolveTarget(options, project.rootDir)
  try {
    // Dry runs (writes): always in a transaction that is rolled back; reads stay read-only.
    const result = await runOnTarget(graph, reading.plan, target, {
      rowCap: options.rows,
      dryRun: true,
      timeoutMs: options.timeout,
      explain: options.explain,
    })
    return options.json ? JSON.stringify(result, null, 2) : renderPreview(result, color)
  } catch (error) {
    throw problemOf(error, CLI_HINTS)
  }
}
