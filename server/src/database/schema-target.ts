// Which database the editor reads a live schema from: the one the app itself would connect to
// (config/database.ts + .env, discovered statically), with a short label for messages. Problems
// are DiscoveryErrors whose text fits an editor log (no command-line flags in them).
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import { discoverDatabase, DiscoveryError } from './discover'

export interface SchemaTarget {
  target: IntrospectionTarget
  /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`: said in every schema finding. */
  label: string
}

export function discoverSchemaTarget(
  rootDir: string,
  env?: Record<string, string | undefined>,
): SchemaTarget {
  let found: ReturnType<typeof discoverDatabase>
  try {
    found = env ? discoverDatabase(rootDir, env) : discoverDatabase(rootDir)
  } catch (error) {
    // discover.ts speaks to the command line; the editor has no --db.
    if (error instanceof DiscoveryError)
      throw new DiscoveryError(error.message.replace(/:? pass the database explicitly \(--db\)\.$/, '.'))
    throw error
  }
  if (found.client === 'sqlite') {
    const target: IntrospectionTarget = { kind: 'sqlite', file: found.filename }
    if (!fs.existsSync(found.filename))
      throw new DiscoveryError(
        `The SQLite database ${targetLabel(target, rootDir).replace(/^sqlite /, '')} does not exist yet (node ace migration:run creates it).`,
      )
    return { target, label: targetLabel(target, rootDir) }
  }
  const missing = (['user', 'database'] as const).filter((key) => !found[key])
  if (missing.length > 0)
    throw new DiscoveryError(
      `The ${missing.join(' and ')} of ${found.description} cannot be read statically: set them in .env.`,
    )
  const target: IntrospectionTarget = {
    kind: found.client,
    connection: {
      host: found.host || 'localhost',
      port: found.port,
      user: found.user as string,
      database: found.database as string,
      password: found.password || undefined,
    },
  }
  return { target, label: targetLabel(target, rootDir) }
}

/** A file inside the app is shown relative to it; a server as `dialect host:port/database`. */
export function targetLabel(target: IntrospectionTarget, rootDir: string): string {
  if (target.kind === 'sqlite') {
    const relative = path.relative(rootDir, target.file)
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative)
    return `sqlite ${inside ? relative.split(path.sep).join('/') : target.file}`
  }
  const { host, port, database } = target.connection
  const dialect = target.kind === 'pg' ? 'postgres' : 'mysql'
  return `${dialect} ${host}:${port ?? (target.kind === 'pg' ? 5432 : 3306)}/${database}`
}

/** SQLite files (and their write-ahead logs) a watched-file event may be about. */
export function isDatabaseFile(fileName: string): boolean {
  return /\.(sqlite3?|db)(-wal)?$/i.test(fileName)
}

/** Glob patterns for the client's file watcher, matching `isDatabaseFile`. */
export const DATABASE_FILE_GLOB = '**/*.{sqlite,sqlite3,db,sqlite-wal,sqlite3-wal,db-wal}'
