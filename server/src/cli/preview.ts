// `lucid-lens preview [--project DIR] [--db FILE] [--rows N] [--json] EXPRESSION`: the SQL and rows of
// Lucid code against the app's development database. Reads only; writes are never executed.
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'
import { PreviewError, previewSqlite, type PreviewResult } from '../../../engine/src'
import { buildModelGraph } from '../analysis'
import { discoverDatabase, DiscoveryError } from '../database/discover'
import { planFromCode, PlanSyntaxError } from '../preview/plan-from-code'
import { ProjectService } from '../project/project-service'
import { renderPreview } from './render-result'

export interface PreviewOptions {
  project: string
  db?: string
  rows?: number
  json: boolean
  expression: string
}

/** A problem the user can fix: one clear line, a hint, exit status 2. */
export class PreviewProblem extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
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
  const file = sqliteFile(options, project.rootDir)
  let result: PreviewResult
  try {
    result = await previewSqlite(graph, plan, file, { rowCap: options.rows })
  } catch (error) {
    if (error instanceof PreviewError) throw new PreviewProblem(error.message)
    throw error
  }
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

function sqliteFile(options: PreviewOptions, rootDir: string): string {
  if (options.db && /^(postgres|postgresql|mysql):\/\//.test(options.db)) {
    throw new PreviewProblem(
      'PostgreSQL and MySQL previews are not available yet.',
      'Use the SQLite database (--db FILE).',
    )
  }
  let file: string
  if (options.db) file = path.resolve(options.db)
  else {
    try {
      const target = discoverDatabase(rootDir)
      if (target.client !== 'sqlite') {
        throw new PreviewProblem(
          `The app's database is ${target.description}; only SQLite previews are available yet.`,
          'Pass a SQLite file with --db.',
        )
      }
      file = target.filename
    } catch (error) {
      if (error instanceof DiscoveryError)
        throw new PreviewProblem(error.message, 'Pass the database with --db FILE.')
      throw error
    }
  }
  if (!fs.existsSync(file)) {
    throw new PreviewProblem(
      `The database file ${file} does not exist.`,
      "Run the app's migrations first (node ace migration:run), or pass --db.",
    )
  }
  return file
}
