// Which database the editor reads, for live schemas, status and previews alike (so they always
// agree): the one the `lucidLens.database` settings name, or with `connection: auto` the one the app
// itself would connect to (config/database.ts + .env). Problems are DiscoveryErrors whose text and
// hint fit the editor: they name settings and files, never command-line flags.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import type { DatabaseSettings } from '../settings'
import { connectionOf, discoverDatabase, DiscoveryError, type DatabaseTarget } from './discover'
import { targetLabel, type SchemaTarget } from './schema-target'

export type TargetSettings = Pick<
  DatabaseSettings,
  'connection' | 'file' | 'host' | 'port' | 'user' | 'database'
>

export interface TargetOptions {
  settings: TargetSettings
  /** From the client's secret storage: it wins over the app's .env. */
  password?: string
  /** The environment config/database.ts reads (default: the app's .env, then the process's). */
  env?: Record<string, string | undefined>
}

export const SETTINGS_HINT = "Set lucidLens.database.* or the app's .env."
export const MIGRATE_HINT = 'Run node ace migration:run.'
export const NO_CONFIG_HINT =
  "Add Lucid's database config (node ace add @adonisjs/lucid, then node ace migration:run), or point " +
  'lucidLens.database.connection (and its file or host) at an existing database.'

export function databaseTarget(rootDir: string, options: TargetOptions): SchemaTarget {
  const target = withPassword(locate(rootDir, options), options.password)
  if (target.kind === 'sqlite' && !fs.existsSync(target.file))
    throw new DiscoveryError(
      `The SQLite database ${targetLabel(target, rootDir).replace(/^sqlite /, '')} does not exist yet (node ace migration:run creates it).`,
      MIGRATE_HINT,
    )
  return { target, label: targetLabel(target, rootDir) }
}

function locate(rootDir: string, { settings, env }: TargetOptions): IntrospectionTarget {
  if (settings.connection === 'auto') return discovered(rootDir, env)
  if (settings.connection === 'sqlite') {
    if (!settings.file)
      throw new DiscoveryError(
        'lucidLens.database.connection is "sqlite" but lucidLens.database.file is empty.',
        'Set lucidLens.database.file to the database file (relative to the app folder).',
      )
    return { kind: 'sqlite', file: path.resolve(rootDir, settings.file) }
  }
  const missing = (['user', 'database'] as const).filter((key) => !settings[key])
  if (missing.length > 0)
    throw new DiscoveryError(
      `lucidLens.database.connection is "${settings.connection}" but ${missing.map((key) => `lucidLens.database.${key}`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty.`,
      'Set the database server in lucidLens.database.host, port, user and database.',
    )
  return {
    kind: settings.connection,
    connection: {
      host: settings.host || 'localhost',
      port: settings.port || undefined,
      user: settings.user,
      database: settings.database,
      password: envPassword(rootDir, env),
    },
  }
}

function discovered(rootDir: string, env: TargetOptions['env']): IntrospectionTarget {
  let found: DatabaseTarget
  try {
    found = env ? discoverDatabase(rootDir, env) : discoverDatabase(rootDir)
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error
    // Without a config, neither .env nor most settings can help: say what is missing and how to add it.
    if (!fs.existsSync(path.join(rootDir, 'config', 'database.ts')))
      throw new DiscoveryError('This app has no config/database.ts.', NO_CONFIG_HINT)
    throw new DiscoveryError(error.message, SETTINGS_HINT)
  }
  try {
    return connectionOf(found)
  } catch (error) {
    // A server whose user or database config/database.ts cannot give.
    if (error instanceof DiscoveryError)
      throw new DiscoveryError(`${error.message.slice(0, -1)}: set them in .env.`, SETTINGS_HINT)
    throw error
  }
}

/** The password config/database.ts would read from .env, for a server named in the settings. */
function envPassword(rootDir: string, env: TargetOptions['env']): string | undefined {
  try {
    const found = env ? discoverDatabase(rootDir, env) : discoverDatabase(rootDir)
    return found.client === 'sqlite' ? undefined : found.password || undefined
  } catch {
    return undefined
  }
}

function withPassword(target: IntrospectionTarget, password: string | undefined): IntrospectionTarget {
  if (target.kind === 'sqlite' || password === undefined) return target
  return { kind: target.kind, connection: { ...target.connection, password } }
}
