// The drift-app fixture with its development database: test/fixtures/drift-app/database/dev-database.sql
// loaded into tmp/db.sqlite3 (where config/database.ts points) or into a server database, so the
// live schema differs from the migrations in known ways.
import * as fs from 'node:fs'
import * as path from 'node:path'
import Database from 'better-sqlite3'
import type { Knex } from 'knex'
import { fixture } from '../support/paths'
import { copyFixture, type TempApp } from '../support/temp-app'

export const DRIFT_DB = 'tmp/db.sqlite3'

/** The fixture's SQL, one statement per entry, comments dropped. */
export function driftStatements(): string[] {
  const sql = fs.readFileSync(fixture('drift-app', 'database', 'dev-database.sql'), 'utf8')
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean)
}

/** A copy of drift-app whose tmp/db.sqlite3 holds the drifted schema. */
export function createDriftApp(): TempApp & { db: string } {
  const app = copyFixture('drift-app')
  const db = app.file(DRIFT_DB)
  fs.mkdirSync(path.dirname(db), { recursive: true })
  const sqlite = new Database(db)
  try {
    for (const statement of driftStatements()) sqlite.exec(statement)
  } finally {
    sqlite.close()
  }
  return { ...app, db }
}

export async function loadDrift(db: Knex): Promise<void> {
  for (const statement of driftStatements()) await db.raw(statement)
}

/** `file:line CODE` of every finding the drifted database gives (the migrations' LL405 is gone). */
export const DRIFT_FINDINGS = [
  'app/models/comment.ts:14 LL406',
  'app/models/comment.ts:22 LL402',
  'app/models/post.ts:17 LL406',
  'app/models/post.ts:19 LL403',
  'app/models/tag.ts:3 LL401',
  'app/models/user.ts:16 LL403',
  'app/models/user.ts:19 LL402',
]
