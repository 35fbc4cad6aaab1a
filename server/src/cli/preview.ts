// `lucid-lens preview [--project DIR] [--db FILE|URL] [--rows N] [--json] [--explain[=analyze]] EXPRESSION`: the SQL and rows
// of Lucid code against the app's development database (SQLite, PostgreSQL or MySQL). Reads run
// read-only; writes run as dry runs and are rolled back.
import ts from 'typescript'
import { buildModelGraph } from '../analysis'
import { PreviewProblem, problemOf } from '../preview/preview-problem'
import { readPlan } from '../preview/read-plan'
import { runOnTarget } from '../preview/run-on-target'
import { ProjectService } from '../project/project-service'
import { appDialect, dialectOfKind, isNoDatabase, sqlOnly, type SqlDialect } from '../preview/sql-only'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { CLI_HINTS, resolveTarget, type PreviewTarget } from './preview-target'
import { renderPreview } from './render-result'
import { warnLine } from './warn'

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
  const project = new ProjectService(ts, { log: warnLine }).discover(options.project)[0]
  if (!project)
    throw new PreviewProblem(
      `No tsconfig.json under ${options.project}.`,
      'Pass the app folder with --project.',
    )
  const graph = buildModelGraph(project.index())
  const reading = readPlan(options.expression, graph, {}, {}, false)
  if (reading.kind === 'free') {
    const known = graph.models.map((m) => m.name).join(', ')
    throw new PreviewProblem(
      `"${reading.name}" is not a Lucid model of this app.`,
      `Start at a model (${known}), e.g. User.findOrFail(1) instead of a variable.`,
    )
  }
  const { plan } = reading
  let target: PreviewTarget
  try {
    target = resolveTarget(options, project.rootDir)
  } catch (error) {
    if (!(error instanceof PreviewProblem)) throw error
    throw await notRun(graph, plan, dialectOfOptions(options, project.rootDir), error, options.json)
  }
  try {
    // Dry runs (writes): always in a transaction that is rolled back; reads stay read-only.
    const result = await runOnTarget(graph, plan, target, {
      rowCap: options.rows,
      dryRun: true,
      timeoutMs: options.timeout,
      explain: options.explain,
    })
    return options.json ? JSON.stringify(result, null, 2) : renderPreview(result, color)
  } catch (error) {
    const problem = problemOf(error, CLI_HINTS)
    if (!isNoDatabase(problem.code)) throw problem
    throw await notRun(graph, plan, dialectOfKind(target.kind), problem, options.json)
  }
}

/** No database to run on: the problem, with the SQL Lucid would send printed before it. */
async function notRun(
  graph: ModelGraph,
  plan: QueryPlan,
  dialect: SqlDialect,
  problem: PreviewProblem,
  json: boolean,
): Promise<PreviewProblem> {
  const { statements, warnings } = await sqlOnly(graph, plan, dialect, CLI_HINTS)
  const output = json
    ? JSON.stringify({ notRun: problem.message, dialect: dialect.name, statements }, null, 2)
    : [
        `-- Not run; the SQL Lucid would send (${dialect.name}), values read from rows as placeholders:`,
        ...statements.flatMap((s) => [`${s.sql};`, `--   bindings ${JSON.stringify(s.bindings)}`]),
        ...warnings.map((warning) => `-- Warning: ${warning}`),
        '',
      ].join('\n')
  return new PreviewProblem(`Not run: ${problem.message}`, problem.hint, problem.code ?? 'E_SETUP', output)
}

function dialectOfOptions(options: PreviewOptions, rootDir: string): SqlDialect {
  if (!options.db) return appDialect(rootDir)
  if (/^(postgres|postgresql):/i.test(options.db)) return dialectOfKind('pg')
  return dialectOfKind(/^(mysql|mariadb):/i.test(options.db) ? 'mysql' : 'sqlite')
}
