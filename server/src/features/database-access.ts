// What previews and row lists share: the gate (database access off, or an untrusted workspace, whose
// client sends database.enable=false), the app of a document with its model graph, the database the
// settings name (the same one live schemas read), cancellation as an AbortSignal, and problems as
// answers with hints that name settings and commands, never command-line flags.
import type { CancellationToken } from 'vscode-languageserver'
import type { ModelGraph } from '../../../engine/src/model-graph'
import { buildModelGraph } from '../analysis'
import { databaseTarget, SETTINGS_HINT } from '../database/database-target'
import { DiscoveryError } from '../database/discover'
import type { SchemaTarget } from '../database/schema-target'
import type { PreviewHints, PreviewProblem } from '../preview/preview-problem'
import type { Project } from '../project/project'
import type { ProblemAnswer } from '../protocol'
import type { ServerContext } from './context'
import { uriToPath } from './uri'

export const EDITOR_HINTS: PreviewHints = {
  E_CONNECTION: `Start the database server. ${SETTINGS_HINT}`,
  E_ACCESS_DENIED: 'Run "Lucid: Set Database Password", or check the user and password in the app\'s .env.',
  E_UNKNOWN_DATABASE: 'Create it and run node ace migration:run, or set lucidLens.database.database.',
  E_NO_SUCH_TABLE: 'Run node ace migration:run against this database.',
  E_TIMEOUT: 'Narrow the query (a where, a limit) or raise lucidLens.preview.timeoutMs.',
  E_LOCKED: 'To wait longer for the lock, raise lucidLens.preview.timeoutMs.',
  E_READ_ONLY: 'Only reads and dry-run writes run in previews.',
}

export const DISABLED: ProblemAnswer = {
  kind: 'error',
  code: 'E_DISABLED',
  message: 'Database access is turned off (lucidLens.database.enable, or the workspace is not trusted)',
}

export interface AppAt {
  project: Project
  graph: ModelGraph
}

/** The app of a document and its models, once the settings allow reading its database. */
export async function appForDatabase(context: ServerContext, uri: string): Promise<AppAt | ProblemAnswer> {
  await context.settingsReady
  if (!context.settings().database.enable) return DISABLED
  return appAt(context, uri)
}

/** The app of a document and its models, whatever the database settings (SQL-only previews). */
export function appAt(context: ServerContext, uri: string): AppAt | ProblemAnswer {
  const fileName = uriToPath(uri)
  const project = fileName ? context.projects.projectFor(fileName) : undefined
  if (!project)
    return {
      kind: 'error',
      code: 'E_SETUP',
      message: `${fileName ?? uri} is not part of an AdonisJS app (no tsconfig.json includes it).`,
      hint: 'Open a file of the app, e.g. one of its models.',
    }
  return { project, graph: buildModelGraph(project.index()) }
}

/** The database of the app, with the password the client stored. */
export function databaseOf(context: ServerContext, project: Project): SchemaTarget | ProblemAnswer {
  try {
    return databaseTarget(project.rootDir, {
      settings: context.settings().database,
      password: context.databasePassword(),
    })
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error
    return { kind: 'error', code: 'E_SETUP', message: error.message, hint: error.hint ?? SETTINGS_HINT }
  }
}

export function isProblem(value: object): value is ProblemAnswer {
  return (value as { kind?: string }).kind === 'error'
}

export function answerOf(problem: PreviewProblem): ProblemAnswer {
  return {
    kind: 'error',
    message: problem.message,
    ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
    ...(problem.code !== undefined ? { code: problem.code } : {}),
  }
}

/** Aborts when the client cancels the request ($/cancelRequest). */
export function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController()
  if (token.isCancellationRequested) controller.abort()
  else token.onCancellationRequested(() => controller.abort())
  return controller.signal
}

/** What a handler answers when it failed unexpectedly (the boundary logged the error). */
export function failedAnswer(what: string): () => ProblemAnswer {
  return () => ({
    kind: 'error',
    code: 'E_INTERNAL',
    message: `The ${what} failed unexpectedly; the Lucid Lens output has the details.`,
  })
}
