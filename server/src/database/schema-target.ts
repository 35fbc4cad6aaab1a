// A database as the editor names it: the target, its short label for messages, and which files on
// disk may be such a database (for the file watcher). database-target.ts decides which one it is.
import * as path from 'node:path'
import type { IntrospectionTarget } from '../../../engine/src/introspect'

export interface SchemaTarget {
  target: IntrospectionTarget
  /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`: said in every schema finding. */
  label: string
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
