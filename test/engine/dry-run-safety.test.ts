// Dry runs never change the database: every write scenario leaves the file's bytes unchanged, a
// statement failing midway (a unique or NOT NULL violation) is reported and rolled back, the dry-run
// connection refuses anything that could end its transaction, and without `{ dryRun: true }` a
// writing plan is refused before a single statement runs.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterEach, beforeEach, test } from 'node:test'
import { SqliteDryRunExecutor } from '../../engine/src/connection/sqlite-dry-run-executor'
import { call } from '../../engine/src/plan'
import { DRY_RUN_WARNING, previewSqlite } from '../../engine/src/preview'
import { PreviewError } from '../../engine/src/query/errors'
import { QUERY_AND_MODEL_WRITES } from './differential/scenarios/write-queries'
import { WRITE_ERRORS } from './differential/scenarios/write-errors'
import { RELATION_WRITES } from './differential/scenarios/writes'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { engineOutcome, WRITE_GRAPH } from './support/write-differential'

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const createPost = (title: string) => ({
  model: 'User',
  calls: [
    call('findOrFail', 1),
    call('related', 'posts'),
    call('createMany', [{ title: 'fresh' }, { title }]),
  ],
})
const isCode = (code: string) => (error: unknown) => error instanceof PreviewError && error.code === code

let file = ''
beforeEach(() => {
  file = createFixtureDatabase()
})
afterEach(() => removeFixtureDatabase(file))

test('every write scenario leaves the database byte-for-byte unchanged, with no journal left', async () => {
  const before = sha256(file)
  for (const scenario of [...RELATION_WRITES, ...QUERY_AND_MODEL_WRITES, ...WRITE_ERRORS])
    await engineOutcome(scenario.plan, {
      preview: (plan, options) => previewSqlite(WRITE_GRAPH, plan, file, options),
    })
  assert.equal(sha256(file), before)
  assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)])
})

test('EXPLAIN ANALYZE of the reads of a dry run leaves the file byte-for-byte unchanged', async () => {
  const before = sha256(file)
  const result = await previewSqlite(WRITE_GRAPH, createPost('explained'), file, {
    dryRun: true,
    explain: 'analyze',
  })
  assert.equal(result.dryRun, true)
  const read = result.statements.find((s) => s.sql.startsWith('select'))
  assert.ok(read?.plan && read.plan.nodes.length > 0)
  // Only reads are explained: a write's statement has no plan.
  assert.ok(result.statements.filter((s) => !s.sql.startsWith('select')).every((s) => s.plan === undefined))
  assert.equal(sha256(file), before)
  assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)])
})

test('without { dryRun: true } a writing plan is refused before any statement runs', async () => {
  const before = sha256(file)
  await assert.rejects(previewSqlite(WRITE_GRAPH, createPost('x'), file), (error: unknown) => {
    assert.ok(error instanceof PreviewError && error.code === 'E_READ_ONLY')
    assert.match(error.message, /"\.createMany" writes to the database: .*\{ dryRun: true \}/)
    assert.deepEqual(error.statements, [])
    return true
  })
  assert.equal(sha256(file), before)
})

test('dryRun on a plan that only reads keeps the read-only connection and no dry-run flag', async () => {
  const plan = { model: 'User', calls: [call('findOrFail', 1), call('related', 'posts'), call('query')] }
  const result = await previewSqlite(WRITE_GRAPH, plan, file, { dryRun: true })
  assert.equal(result.dryRun, undefined)
  assert.ok(!result.warnings.includes(DRY_RUN_WARNING))
})

test('a unique violation after a successful insert is reported with every statement, and rolled back', async () => {
  const db = new Database(file)
  db.exec('create unique index posts_title on posts (title)')
  db.close()
  const before = sha256(file)
  await assert.rejects(
    previewSqlite(WRITE_GRAPH, createPost('Hello world'), file, { dryRun: true }),
    (error) => {
      assert.ok(error instanceof PreviewError && error.code === 'E_DATABASE')
      assert.match(
        error.message,
        /values \('.*', 'Hello world', 1\) - UNIQUE constraint failed: posts\.title$/,
      )
      assert.deepEqual(
        error.statements.map((s) => [s.sql.split(' ')[0], s.affectedRows]),
        [
          ['select', undefined],
          ['insert', 1],
          ['insert', undefined],
        ],
      )
      return true
    },
  )
  assert.equal(sha256(file), before)
  const check = new Database(file, { readonly: true })
  assert.deepEqual(check.prepare("select count(*) as n from posts where title = 'fresh'").get(), { n: 0 })
  check.close()
})

test('the dry-run connection refuses statements that could end or escape its transaction', async () => {
  const before = sha256(file)
  const executor = await SqliteDryRunExecutor.open(file)
  try {
    for (const sql of [
      'COMMIT',
      'END',
      'BEGIN',
      'ROLLBACK',
      'SAVEPOINT a',
      'RELEASE a',
      'PRAGMA journal_mode = WAL',
      "ATTACH 'other.db' AS other",
      'VACUUM',
      'create table t (id integer)',
      'drop table posts',
      'select 1; commit',
    ]) {
      await assert.rejects(executor.write(sql, [], 10), isCode('E_READ_ONLY'), sql)
    }
    const inserted = await executor.write('insert into posts (title) values (?)', ['x'], 10)
    assert.deepEqual([inserted.affectedRows, inserted.insertId], [1, 8])
  } finally {
    executor.close()
  }
  assert.equal(sha256(file), before)
})

test('a constraint that rolls back the whole transaction stops the dry run: nothing more runs', async () => {
  const db = new Database(file)
  db.exec('create table tags (id integer primary key, name text not null on conflict rollback)')
  db.close()
  const before = sha256(file)
  const executor = await SqliteDryRunExecutor.open(file)
  try {
    await executor.write('insert into tags (name) values (?)', ['kept?'], 10)
    await assert.rejects(executor.write('insert into tags (name) values (?)', [null], 10), /NOT NULL/)
    // Without the check this insert would run in autocommit mode and be written for good.
    await assert.rejects(
      executor.write('insert into tags (name) values (?)', ['written?'], 10),
      /no longer open/,
    )
  } finally {
    executor.close()
  }
  assert.equal(sha256(file), before)
})

test('a missing database file is never created by a dry run', async () => {
  const missing = path.join(path.dirname(file), 'missing.sqlite3')
  await assert.rejects(SqliteDryRunExecutor.open(missing))
  assert.equal(fs.existsSync(missing), false)
})
