// SQL-only previews (no database): the statements are the ones a real run sends, compiled the same
// way, with placeholders where a value would come from a row.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { call } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { PreviewError } from '../../engine/src/query/errors'
import { sketchPlan } from '../../engine/src/sketch'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import type { LucidQuery as Q } from './support/lucid-twin'
import { chain } from './support/plan-recorder'

describe('SQL-only previews', () => {
  let file = ''
  before(() => {
    file = createFixtureDatabase()
  })
  after(() => removeFixtureDatabase(file))

  test('each relation kind: the same SQL as a run on a database, values from rows as placeholders', async () => {
    const plans = [
      chain('User', (u) => u.findOrFail(1).related('posts').query().where('isPublished', true)),
      chain('Post', (p) => p.findOrFail(1).related('author').query()),
      chain('User', (u) => u.findOrFail(1).related('skills').query()),
      chain('User', (u) => u.findOrFail(1).related('profile').query()),
      chain('User', (u) => u.query().preload('posts', (q: Q) => q.preload('comments'))),
      chain('User', (u) => u.query().withCount('posts').paginate(2, 10)),
    ]
    for (const plan of plans) {
      const sketched = (await sketchPlan(FIXTURE_GRAPH, plan, 'better-sqlite3')).statements
      const ran = await previewSqlite(FIXTURE_GRAPH, plan, file)
      // A preload's `in (...)` has a placeholder per parent row: one in the sketch.
      const oneRow = (sql: string) => sql.replace(/in \(\?(, \?)*\)/g, 'in (?)')
      assert.deepEqual(
        sketched.map((s) => s.sql),
        ran.statements.map((s) => oneRow(s.sql)),
        JSON.stringify(plan),
      )
    }
    const { statements: related } = await sketchPlan(
      FIXTURE_GRAPH,
      chain('User', (u) => u.findOrFail('<User.id>').related('skills').query()),
      'pg',
    )
    assert.deepEqual(
      related.map((s) => s.bindings),
      [['<User.id>', 1], ['<User.id>']],
    )
    assert.match(
      related[1]?.sql ?? '',
      /^select "skills"\.\*, .* from "skills" inner join "skill_user" on "skills"\."id" = "skill_user"\."skill_id" where "skill_user"\."user_id" = \$1$/,
    )
    const { statements: belongsTo } = await sketchPlan(
      FIXTURE_GRAPH,
      chain('Post', (p) => p.findOrFail(7).related('author').query()),
      'mysql2',
    )
    assert.deepEqual(belongsTo[1]?.bindings, ['<Post.userId>', 1])
  })

  test('writes need a database; what Lucid rejects is rejected', async () => {
    const write = await sketchPlan(FIXTURE_GRAPH, { model: 'User', calls: [call('create', {})] }, 'pg').then(
      () => assert.fail('expected a refusal'),
      (error: unknown) => error,
    )
    assert.ok(write instanceof PreviewError)
    assert.equal(write.code, 'E_READ_ONLY')
    assert.match(write.message, /need a database/)
    const unknown = await sketchPlan(
      FIXTURE_GRAPH,
      chain('User', (u) => u.findOrFail(1).related('nope').query()),
      'pg',
    ).then(
      () => assert.fail('expected a refusal'),
      (error: unknown) => error,
    )
    assert.ok(unknown instanceof PreviewError)
  })
})
