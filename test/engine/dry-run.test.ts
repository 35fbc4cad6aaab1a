// Dry-run rules that the differential suite cannot show against Lucid 21: Lucid 18's loose key
// equality, hasOne's narrower write surface, plans left unchanged, and per-dialect date preparation.
import assert from 'node:assert/strict'
import { afterEach, beforeEach, test } from 'node:test'
import { writeDialect, prepareForAdapter } from '../../engine/src/persistence/prepare'
import { call, type QueryPlan } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { fromInstant } from '../../engine/src/query/date-values'
import { PreviewError } from '../../engine/src/query/errors'
import { ModelRegistry } from '../../engine/src/query/model-registry'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { NOW, WRITE_GRAPH } from './support/write-differential'

let file = ''
beforeEach(() => {
  file = createFixtureDatabase()
})
afterEach(() => removeFixtureDatabase(file))

const userPosts = (method: string, ...args: Parameters<typeof call>[1][]): QueryPlan => ({
  model: 'User',
  calls: [call('findOrFail', 1), call('related', 'posts'), call(method, ...args)],
})

test('Lucid 18 (v5) matches fetchOrCreateMany keys with ==, so "120" finds the row with 120', async () => {
  const plan = userPosts('fetchOrCreateMany', [{ views: '120', title: 'x' }], 'views')
  const v5 = await previewSqlite({ ...WRITE_GRAPH, generation: 'v5' }, plan, file, { dryRun: true })
  assert.deepEqual(
    v5.statements.map((s) => s.sql.split(' ')[0]),
    ['select', 'select'],
  )
  const v6 = await previewSqlite(WRITE_GRAPH, plan, file, { dryRun: true })
  assert.equal(v6.statements[2]?.sql.split(' ')[0], 'insert', 'strict from 20.6 on: inserted again')
})

test('hasOne has no createMany/saveMany/fetchOrCreateMany/updateOrCreateMany', async () => {
  const plan = {
    model: 'User',
    calls: [call('findOrFail', 3), call('related', 'profile'), call('createMany', [{}])],
  }
  await assert.rejects(previewSqlite(WRITE_GRAPH, plan, file, { dryRun: true }), (error: unknown) => {
    assert.ok(error instanceof PreviewError)
    assert.equal(error.message, '".createMany" is not available on the hasOne relation "profile"')
    return true
  })
})

test('a plan is not changed by running it (Lucid writes the foreign key into the payload objects)', async () => {
  const plan = userPosts('fetchOrCreateMany', [{ title: 'a' }], 'title')
  const copy = structuredClone(plan)
  await previewSqlite(WRITE_GRAPH, plan, file, { dryRun: true, now: () => NOW })
  assert.deepEqual(plan, copy)
})

test('update/delete resolve to [affectedRows]; write statements carry affectedRows', async () => {
  const plan = {
    model: 'Post',
    calls: [call('query'), call('where', 'userId', 1), call('update', { views: 0 })],
  }
  const result = await previewSqlite(WRITE_GRAPH, plan, file, { dryRun: true })
  assert.deepEqual(result.result, [3])
  assert.equal(result.extras, null)
  assert.equal(result.statements[0]?.affectedRows, 3)
  assert.deepEqual(result.warnings, ['rolled back: nothing was written'])
})

test('date columns are prepared per dialect: SQL text on SQLite/MySQL, ISO with offset on PostgreSQL', () => {
  const post = new ModelRegistry(WRITE_GRAPH).model('Post')
  const value = fromInstant(NOW.getTime())
  const attributes = new Map<string, unknown>([['createdAt', value]])
  assert.deepEqual(prepareForAdapter(post, attributes, writeDialect('better-sqlite3')), {
    created_at: `${value.iso?.slice(0, 10)} ${value.iso?.slice(11, 19)}`,
  })
  assert.deepEqual(prepareForAdapter(post, attributes, writeDialect('pg')), { created_at: value.iso })
  assert.deepEqual(writeDialect('pg').returning, true)
  assert.throws(
    () => prepareForAdapter(post, new Map([['createdAt', 5]]), writeDialect('mysql2')),
    /^PreviewError: Invalid value for "Post\.createdAt"\. It must be an instance of "luxon\.DateTime"$/,
  )
})
