// The preview's N+1 warning: one select shape run with different bindings, computed from the
// statements a preview executed; batched preloads never trigger it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { call, callback } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { repeatedStatementWarnings } from '../../engine/src/query/repeated-statements'
import type { ExecutedStatement } from '../../engine/src/query/result'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'

const ran = (sql: string, bindings: unknown[]): ExecutedStatement => ({
  sql,
  bindings,
  durationMs: 1,
  rowCount: 1,
  truncated: false,
})
const PER_ROW = 'select * from "posts" where "user_id" = ?'

test('one select shape with three different bindings is named once, with its run count', () => {
  const warnings = repeatedStatementWarnings([
    ran('select * from "users"', []),
    ran(PER_ROW, [1]),
    ran(PER_ROW, [2]),
    ran(PER_ROW, [3]),
  ])
  assert.equal(warnings.length, 1)
  assert.match(warnings[0] ?? '', /^The same statement ran 3 times with different bindings/)
  assert.ok(warnings[0]?.includes(PER_ROW))
})

test('the same statement with the same bindings, writes, and distinct shapes are not N+1', () => {
  assert.deepEqual(
    repeatedStatementWarnings([
      ran(PER_ROW, [1]),
      ran(PER_ROW, [1]),
      ran('insert into "posts" ("title") values (?)', ['a']),
      ran('insert into "posts" ("title") values (?)', ['b']),
      ran('select count(*) as "total" from "users"', []),
      ran('select * from "users" limit ?', [10]),
    ]),
    [],
  )
})

test('bigint bindings are compared by value', () => {
  const warnings = repeatedStatementWarnings([ran(PER_ROW, [1n]), ran(PER_ROW, [2n])])
  assert.equal(warnings.length, 1)
})

let file = ''
before(() => {
  file = createFixtureDatabase()
})
after(() => removeFixtureDatabase(file))

test('a nested preload runs one batched statement per level: no warning', async () => {
  const plan = {
    model: 'User',
    calls: [call('query'), call('preload', 'posts', callback(call('preload', 'comments')))],
  }
  const result = await previewSqlite(FIXTURE_GRAPH, plan, file)
  assert.ok(result.statements.length >= 3)
  assert.deepEqual(
    result.warnings.filter((w) => w.startsWith('The same statement')),
    [],
  )
})
