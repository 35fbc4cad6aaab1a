// Which database the editor reads a live schema from: the one the app itself would connect to
// (config/database.ts + .env, discovered statically), with a short label for messages. Problems
// are DiscoveryErrors whose text fits an editor log (no command-line flags in them).
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import { connectionOf, discoverDatabase, DiscoveryError } from './discover'

export interface SchemaTarget {
  target: IntrospectionTarget
  /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`: said in every schema finding. */
  label: string
}

export function discoverSchemaTarget(
  rootDir: string,
  env?: Record<string, string | undefined>,
): SchemaTarget {
  const found = env ? discoverDatabase(rootDir, env) : discoverDatabase(rootDir)
  let target: IntrospectionTarget
  try {
    target = connectionOf(found)
  } catch (error) {
    // The editor's remedy for a server whose user or database is missing from the config.
    if (error instanceof DiscoveryError)
      throw new DiscoveryError(`${error.message.slice(0, -1)}: set them in .env.`)
    throw error
  }
  if (target.kind === 'sqlite' && !fs.existsSync(target.file))
    throw new DiscoveryError(
      `The SQLite database ${targetLabel(target, rootDir).replace(/^sqlite /, '')} does not exist yet (node ace migration:run creates it).`,
    )
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
