// SQLite failures name the user's file and say what to do: a lock another connection holds (waited
// for up to the preview's time limit, not SQLite's fixed 5 s, and reported as a lock), a file that
// is not a database or is damaged, a hot journal another process left, a column with a space.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterEach, beforeEach, test } from 'node:test'
import { DatabaseError } from '../../engine/src/connection/database-errors'
import { previewSqlite } from '../../engine/src/preview'
import { PreviewError } from '../../engine/src/query/errors'
import { BIG_GRAPH, createBigTable } from '../preview/support/big-table'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import { chain } from './support/plan-recorder'

const READ = chain('User', (u) => u.query().where('id', 1))
const WRITE = chain('User', (u) => u.query().where('id', 1).update({ fullName: 'changed' }))

let file = ''
beforeEach(() => {
  file = createFixtureDatabase()
})
afterEach(() => removeFixtureDatabase(file))

async function failure(run: Promise<unknown>, code: string): Promise<PreviewError> {
  try {
    await run
  } catch (error) {
    assert.ok(error instanceof PreviewError, String(error))
    assert.equal(error.code, code, error.message)
    return error
  }
  throw new Error(`expected ${code}`)
}

/** Runs `during` while another connection holds the file's exclusive lock. */
async function whileLocked(during: (holder: Database.Database) => Promise<void>): Promise<void> {
  const holder = new Database(file)
  holder.exec('BEGIN EXCLUSIVE')
  try {
    await during(holder)
  } finally {
    if (holder.inTransaction) holder.exec('ROLLBACK')
    holder.close()
  }
}

test('a lock held past the time limit names the file and the wait, for reads and dry runs', async () => {
  await whileLocked(async () => {
    for (const [plan, dryRun] of [
      [READ, false],
      [WRITE, true],
    ] as const) {
      const error = await failure(
        previewSqlite(FIXTURE_GRAPH, plan, file, { timeoutMs: 150, dryRun }),
        'E_LOCKED',
      )
      assert.equal(
        error.message,
        `The database file ${file} is locked by another process or connection (SQLite: database is ` +
          'locked); the preview waited 150 ms, its time limit, for the lock. Finish or roll back the ' +
          "other connection's write (a sqlite3 shell, the running app, a migration or a seeder), then preview again.",
      )
    }
  })
})

test('a lock released while the preview waits lets it run, and the wait is reported', async () => {
  const waits: boolean[] = []
  await whileLocked(async (holder) => {
    const result = await previewSqlite(FIXTURE_GRAPH, READ, file, {
      timeoutMs: 30_000,
      onLockWait: (waiting) => {
        waits.push(waiting)
        if (waiting) holder.exec('ROLLBACK')
      },
    })
    assert.equal((result.result as unknown[]).length, 1)
  })
  assert.deepEqual(waits, [true, false])
})

test('a file that is not a database, or a damaged one, is named with what to do', async () => {
  fs.writeFileSync(file, 'not a database at all\n'.repeat(500))
  const junk = await failure(previewSqlite(FIXTURE_GRAPH, READ, file), 'E_CORRUPT')
  assert.equal(
    junk.message,
    `The file ${file} is not a SQLite database (SQLite: file is not a database). Point the preview ` +
      "at the app's database file (the filename of the sqlite connection in config/database.ts).",
  )
  removeFixtureDatabase(file)
  file = createFixtureDatabase()
  const bytes = fs.readFileSync(file)
  // Every page but the first (the schema) overwritten: the tables' b-trees are garbage.
  bytes.fill(7, 4096)
  fs.writeFileSync(file, bytes)
  const damaged = await failure(previewSqlite(FIXTURE_GRAPH, READ, file), 'E_CORRUPT')
  assert.ok(damaged instanceof DatabaseError)
  assert.match(
    damaged.message,
    new RegExp(`^The database file ${file} is damaged \\(SQLite: .*malformed.*\\)`),
  )
  assert.match(damaged.message, /PRAGMA integrity_check/)
})

test('a hot journal left by a killed writer is named, with how to roll it back', async () => {
  const big = path.join(path.dirname(file), 'big.sqlite3')
  createBigTable(big, 50_000)
  // A writer that spills its change into the file and is killed before it commits.
  const killed = spawnSync(process.execPath, [
    '-e',
    `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))})
     const db = new D(${JSON.stringify(big)}); db.pragma('cache_size = 1'); db.exec('BEGIN')
     db.prepare("update big_rows set label = 'half-written'").run()
     process.kill(process.pid, 'SIGKILL')`,
  ])
  assert.equal(killed.signal, 'SIGKILL', String(killed.stderr))
  assert.ok(fs.statSync(`${big}-journal`).size > 0)
  const plan = chain('BigRow', (b) => b.query().select('id', 'label').where('id', 1))
  const error = await failure(previewSqlite(BIG_GRAPH, plan, big), 'E_DATABASE')
  assert.match(
    error.message,
    new RegExp(`^The database file ${big} has an unfinished write: ${big}-journal was left`),
  )
  assert.match(error.message, /Open the database read-write once/)
  // What the message says to do works: the journal is rolled back, and previews run again.
  const reopened = new Database(big)
  reopened.prepare('select count(*) from sqlite_schema').get()
  reopened.close()
  assert.equal(fs.existsSync(`${big}-journal`), false, 'the journal was rolled back')
  const result = await previewSqlite(BIG_GRAPH, plan, big)
  assert.deepEqual(result.result, [{ id: 1, label: 'row 1' }])
})

test('a missing column whose name has a space is named whole', async () => {
  const error = await failure(
    previewSqlite(
      FIXTURE_GRAPH,
      chain('User', (u) => u.query().where('full name', 'x')),
      file,
    ),
    'E_NO_SUCH_COLUMN',
  )
  assert.ok(error instanceof DatabaseError)
  assert.equal(error.detail.column, 'full name')
})
