// The one place the SQLite driver (better-sqlite3, a native addon) is loaded. An AdonisJS app on
// SQLite depends on better-sqlite3 itself, built for its machine and its Node.js, so the driver is
// looked up from the database file's folder upwards first (the app's node_modules: AdonisJS keeps the
// file in the app's tmp/), and the copy bundled beside Lucid Lens is only the fallback. A candidate
// counts once its addon has opened an in-memory database: requiring better-sqlite3 succeeds even when
// its binary was built for another Node.js, which only fails on first use.
import type Database from 'better-sqlite3'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { DatabaseError } from './database-errors'
import { keepingAlive } from './sqlite-keep-alive'

export type SqliteDriver = typeof Database

interface Attempt {
  from: string
  problem: string
}

const drivers = new Map<string, SqliteDriver>()
// Beside this file: server/out/node_modules in the bundles, the repository's node_modules in a build.
const bundledRequire = createRequire(__filename)

/** The driver for a database file: the app's own when it loads, else the bundled one. */
export function loadSqliteDriver(file: string): SqliteDriver {
  const attempts: Attempt[] = []
  const near = nearDriver(file, attempts)
  if (near) return near
  const bundled = tryLoad('the one bundled with Lucid Lens', () =>
    bundledRequire.resolve('better-sqlite3/package.json'),
  )
  if ('driver' in bundled) return bundled.driver
  attempts.push(bundled.attempt)
  throw new DatabaseError(noDriverMessage(file, attempts), 'E_SQLITE_DRIVER')
}

/**
 * The user's file, read-only and `query_only`. `timeout` is SQLite's own busy wait: 0 where the
 * caller waits for locks itself (previews, see LockWait).
 */
export function openReadOnly(file: string, timeout = 0): Database.Database {
  const db = new (loadSqliteDriver(file))(file, { readonly: true, fileMustExist: true, timeout })
  try {
    db.pragma('query_only = ON')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

function nearDriver(file: string, attempts: Attempt[]): SqliteDriver | undefined {
  const from = path.dirname(path.resolve(file))
  const resolve = () => createRequire(path.join(from, 'noop.js')).resolve('better-sqlite3/package.json')
  const found = tryLoad(`the app's (from ${from})`, resolve)
  if ('driver' in found) return found.driver
  attempts.push(found.attempt)
  return undefined
}

function tryLoad(from: string, resolve: () => string): { driver: SqliteDriver } | { attempt: Attempt } {
  let entry: string
  try {
    entry = path.dirname(resolve())
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND'
    return { attempt: { from, problem: missing ? 'not installed' : oneLine(error) } }
  }
  const cached = drivers.get(entry)
  if (cached) return { driver: cached }
  try {
    // Never collected (sqlite-keep-alive.ts): a collected handle aborts Node.js 24.21.
    const driver = keepingAlive(bundledRequire(entry) as SqliteDriver)
    // Opening a database is what loads the addon: a binary for another Node.js fails here.
    new driver(':memory:').close()
    drivers.set(entry, driver)
    return { driver }
  } catch (error) {
    return { attempt: { from: `${from} at ${entry}`, problem: oneLine(error) } }
  }
}

function noDriverMessage(file: string, attempts: Attempt[]): string {
  const runtime = `Node.js ${process.version} (${process.platform}-${process.arch}, modules ABI ${process.versions.modules})`
  const tried = attempts.map((a) => `  - ${a.from}: ${a.problem}`).join('\n')
  return (
    `Cannot load the SQLite driver better-sqlite3 to open ${file} on ${runtime}.\n` +
    `Tried:\n${tried}\n` +
    'Run `npm install` in the app (it builds better-sqlite3 for the Node.js that runs it), or run ' +
    'Lucid Lens with the Node.js the driver was built for (the `lucidLens.server.runtime` setting in ' +
    'VS Code, or that `node` for the CLI).'
  )
}

/** Node's message for a binary built for another Node.js spans lines; the ABI numbers are the point. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s*\n\s*/g, ' ')
}
