// better-sqlite3 errors as PreviewErrors that name the user's file and say what to do: a lock held by
// another connection, a damaged file or one that is not a database, a journal left by a process that
// stopped mid-write, a missing table or column. The engine's own refusals stay as they are.
import * as fs from 'node:fs'
import { PreviewError } from '../query/errors'
import { DatabaseError, missingColumn, missingTable } from './database-errors'

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT...), and SQLITE_LOCKED. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)
}

export function sqliteLocked(file: string, waitedMs: number): DatabaseError {
  return new DatabaseError(
    `The database file ${file} is locked by another process or connection (SQLite: database is locked); ` +
      `the preview waited ${waitedMs} ms, its time limit, for the lock. Finish or roll back the other ` +
      "connection's write (a sqlite3 shell, the running app, a migration or a seeder), then preview again.",
    'E_LOCKED',
  )
}

/** `file` is the user's database, named in every message that is about the file itself. */
export function sqliteError(raw: unknown, file: string): unknown {
  if (raw instanceof PreviewError || !(raw instanceof Error)) return raw
  const code = (raw as { code?: unknown }).code
  const table = /^no such table: (?:\w+\.)?(.+)$/.exec(raw.message)?.[1]
  if (table) return missingTable(table, raw.message)
  // `no such column: "a b" - should this be...`, `no such column: t.a b`, `no such column: a b`.
  const column = /^no such column: (?:"(.+)" - should this|(?:([^.\s]+)\.)?(.+)$)/.exec(raw.message)
  if (column) return missingColumn(column[1] ?? column[3] ?? '?', column[2], raw.message)
  if (isBusy(raw)) return sqliteLocked(file, 0)
  if (code === 'SQLITE_NOTADB')
    return new DatabaseError(
      `The file ${file} is not a SQLite database (SQLite: ${raw.message}). Point the preview at the ` +
        "app's database file (the filename of the sqlite connection in config/database.ts).",
      'E_CORRUPT',
      { server: raw.message },
    )
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
    return new DatabaseError(
      `The database file ${file} is damaged (SQLite: ${raw.message}). Check it with ` +
        `sqlite3 "${file}" "PRAGMA integrity_check", then restore it or rebuild it with the app's migrations.`,
      'E_CORRUPT',
      { server: raw.message },
    )
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY') && fs.existsSync(`${file}-journal`))
    return new DatabaseError(
      `The database file ${file} has an unfinished write: ${file}-journal was left by a process that ` +
        `stopped in the middle of a transaction, and a read-only preview cannot roll it back. Open the ` +
        `database read-write once (start the app, or run sqlite3 "${file}" ` +
        '"select count(*) from sqlite_schema") so SQLite rolls the journal back, then preview again.',
      'E_DATABASE',
      { server: raw.message },
    )
  // Any other driver error (a syntax error in Lucid's own SQL, a constraint) as on the servers.
  return raw.name === 'SqliteError'
    ? new DatabaseError(raw.message, 'E_DATABASE', { server: raw.message })
    : raw
}
