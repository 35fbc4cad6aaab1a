// Where `lucid-lens preview` runs: a SQLite file, or a PostgreSQL/MySQL server, from `--db` or from the
// app's config/database.ts + .env. Passwords come from the environment (`--password-env NAME`, or
// the variable config/database.ts reads), so they never need to be typed on the command line.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { PreviewError, ServerConnection } from '../../../engine/src'
import { connectionOf, discoverDatabase, DiscoveryError } from '../database/discover'
import { PreviewProblem, problemOf, type PreviewHints } from '../preview/preview-problem'

export type PreviewTarget =
  { kind: 'sqlite'; file: string } | { kind: 'pg' | 'mysql'; connection: ServerConnection; where: string }

export interface TargetOptions {
  db?: string
  /** Name of the environment variable holding the password. */
  passwordEnv?: string
}

const SERVER_URL = /^(postgres|postgresql|mysql|mariadb):\/\//i

export function resolveTarget(
  options: TargetOptions,
  rootDir: string,
  env: Record<string, string | undefined> = process.env,
): PreviewTarget {
  const fromEnv = options.passwordEnv === undefined ? undefined : passwordFrom(options.passwordEnv, env)
  if (options.db && SERVER_URL.test(options.db)) return fromUrl(options.db, fromEnv)
  if (options.db) return sqlite(path.resolve(options.db))
  const found = discovered(() => discoverDatabase(rootDir), DB_HINT)
  const target = discovered(() => connectionOf(found), SERVER_FIELDS_HINT)
  if (target.kind === 'sqlite') return sqlite(target.file)
  const password = fromEnv ?? target.connection.password
  return { kind: target.kind, connection: { ...target.connection, password }, where: found.description }
}

const DB_HINT = 'Pass the database with --db FILE or --db postgres://USER@HOST/DB.'
const SERVER_FIELDS_HINT =
  'Set them in .env, or pass --db postgres://USER@HOST:PORT/DB (mysql://... for MySQL).'

/** A discovery step whose DiscoveryError becomes a PreviewProblem with the command line's remedy. */
function discovered<T>(step: () => T, hint: string): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof DiscoveryError) throw new PreviewProblem(error.message, hint)
    throw error
  }
}

function passwordFrom(name: string, env: Record<string, string | undefined>): string {
  const value = env[name]
  if (value === undefined)
    throw new PreviewProblem(
      `The environment variable ${name} (--password-env) is not set.`,
      `Export it first, e.g. read -s ${name} && export ${name}`,
    )
  return value
}

function fromUrl(text: string, password: string | undefined): PreviewTarget {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new PreviewProblem(`--db ${text} is not a valid URL.`, 'Use postgres://USER@HOST:PORT/DATABASE.')
  }
  const kind = /^postgres/i.test(url.protocol) ? 'pg' : 'mysql'
  const user = decodeURIComponent(url.username)
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!user || !database)
    throw new PreviewProblem(
      `--db needs a user and a database: ${url.protocol}//USER@${url.host || 'HOST'}/DATABASE.`,
      'Pass the password with --password-env NAME rather than in the URL.',
    )
  const connection: ServerConnection = {
    host: url.hostname || 'localhost',
    port: url.port ? Number(url.port) : undefined,
    user,
    database,
    password: password ?? (url.password ? decodeURIComponent(url.password) : undefined),
  }
  const where = `${kind === 'pg' ? 'PostgreSQL' : 'MySQL'} ${connection.host}${url.port ? `:${url.port}` : ''}/${database}`
  return { kind, connection, where }
}

function sqlite(file: string): PreviewTarget {
  if (!fs.existsSync(file)) {
    throw new PreviewProblem(
      `The database file ${file} does not exist.`,
      "Run the app's migrations first (node ace migration:run), or pass --db.",
    )
  }
  return { kind: 'sqlite', file }
}

/** What to do about a failure, where the engine's message alone does not say it. */
export const CLI_HINTS: PreviewHints = {
  E_CONNECTION: 'Start the database server, or point --db at another one.',
  E_ACCESS_DENIED: 'Pass the password with --password-env NAME (an environment variable holding it).',
  E_UNKNOWN_DATABASE: "Create it and run the app's migrations (node ace migration:run), or pass --db.",
  E_NO_SUCH_TABLE: "Run the app's migrations (node ace migration:run) against this database.",
  E_TIMEOUT: 'Narrow the query (a where, a limit) or raise the limit with --timeout MS.',
  E_LOCKED: 'To wait longer for the lock, raise the limit with --timeout MS.',
}

/** An engine failure as a PreviewProblem with what to do about it (also used by `check --db`). */
export function databaseProblem(error: PreviewError): PreviewProblem {
  return problemOf(error, CLI_HINTS)
}
