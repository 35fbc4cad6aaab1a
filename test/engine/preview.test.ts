// Engine behaviour that has no Lucid counterpart: unsupported calls, the row cap, warnings, and
// the statements a failed preview still reports.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { formatBindings } from '../../engine/src/connection/sqlite-executor'
import type { ModelGraph } from '../../engine/src/model-graph'
import { call, callback } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { propertyNotColumn } from '../../engine/src/naming/property-column'
import { PreviewError } from '../../engine/src/query/errors'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import type { LucidQuery as Q } from './support/lucid-twin'
import { chain } from './support/plan-recorder'

describe('preview engine', () => {
  let file = ''
  before(() => {
    file = createFixtureDatabase()
  })
  after(() => removeFixtureDatabase(file))

  const failure = async (plan: ReturnType<typeof chain>, graph: ModelGraph = FIXTURE_GRAPH) => {
    const error = await previewSqlite(graph, plan, file).then(
      () => assert.fail('expected the preview to fail'),
      (reason: unknown) => reason,
    )
    assert.ok(error instanceof PreviewError)
    return error
  }

  test('unsupported methods are named, wherever they appear', async () => {
    const plans = [
      chain('User', (u) => u.query().whereRaw('1 = 1')),
      chain('User', (u) => u.query().preload('posts', (q: Q) => q.whereRaw('1 = 1'))),
      chain('User', (u) => u.query().where((q: Q) => q.whereRaw('1 = 1'))),
      chain('User', (u) => u.query().whereHas('posts', (q: Q) => q.whereRaw('1 = 1'))),
    ]
    for (const plan of plans) {
      const error = await failure(plan)
      assert.equal(error.message, '".whereRaw" is not supported in previews')
      assert.equal(error.code, 'E_UNSUPPORTED')
    }
    // Writes are not unsupported but refused: they run only as dry runs (dry-run-safety.test.ts).
    for (const write of [
      chain('User', (u) => u.create({})),
      chain('User', (u) => u.findOrFail(1).related('posts').create({})),
    ]) {
      const error = await failure(write)
      assert.equal(error.code, 'E_READ_ONLY')
      assert.match(error.message, /^"\.create" writes to the database: .*\(pass \{ dryRun: true \}\)$/)
    }
  })

  test('a failed preview still reports the statements that ran', async () => {
    const error = await failure(chain('User', (u) => u.findOrFail(999)))
    assert.equal(error.code, 'E_ROW_NOT_FOUND')
    assert.deepEqual(
      error.statements.map((s) => s.sql),
      ['select * from `users` where `id` = ? limit ?'],
    )
  })

  test('the row cap stops reading and marks the statement and the result truncated', async () => {
    const preview = await previewSqlite(
      FIXTURE_GRAPH,
      chain('Post', (p) => p.query().preload('comments')),
      file,
      {
        rowCap: 2,
      },
    )
    assert.equal(preview.truncated, true)
    assert.equal((preview.result as unknown[]).length, 2)
    assert.deepEqual(
      preview.statements.map(({ rowCount, truncated }) => ({ rowCount, truncated })),
      [
        { rowCount: 2, truncated: true },
        { rowCount: 2, truncated: false },
      ],
    )
    const untouched = await previewSqlite(
      FIXTURE_GRAPH,
      chain('Post', (p) => p.query()),
      file,
      { rowCap: 7 },
    )
    assert.equal(untouched.truncated, false)
    assert.equal(untouched.statements[0]?.durationMs !== undefined, true)
  })

  test('an onQuery hook the engine cannot apply is a warning, not a silent difference', async () => {
    const graph: ModelGraph = {
      ...FIXTURE_GRAPH,
      models: FIXTURE_GRAPH.models.map((model) => ({
        ...model,
        relations: model.relations.map((relation) => ({
          ...relation,
          hasOnQuery: relation.name === 'posts',
        })),
      })),
    }
    const preview = await previewSqlite(
      graph,
      chain('User', (u) => u.query().withCount('posts').preload('posts')),
      file,
    )
    assert.deepEqual(preview.warnings, ['The onQuery hook of "User.posts" is not applied in previews yet'])
  })

  test('a Lucid 22 graph gets Lucid 22 SQL, with no warning (lucid22/shapes.test.ts has the SQL)', async () => {
    const graph: ModelGraph = { ...FIXTURE_GRAPH, generation: 'v7' }
    const plan = chain('User', (u) =>
      u
        .query()
        .withCount('posts', (q: Q) => q.orderBy('id'))
        .preload('posts', (q: Q) => q.groupLimit(1)),
    )
    const v22 = await previewSqlite(graph, plan, file)
    assert.deepEqual(v22.warnings, [])
    assert.doesNotMatch(v22.statements[0]?.sql ?? '', /order by/)
    assert.match(v22.statements[1]?.sql ?? '', /PARTITION BY `user_id` ORDER BY `id` desc/)
    assert.deepEqual((await previewSqlite(FIXTURE_GRAPH, plan, file)).warnings, [])
  })

  test('bindings reach better-sqlite3 converted like knex does', () => {
    assert.deepEqual(formatBindings([true, false, new Date(5), 'x', null, 2]), [1, 0, 5, 'x', null, 2])
  })

  test('plans built with the plain helpers equal recorded ones', () => {
    const built = {
      model: 'User',
      calls: [
        call('query'),
        call('preload', 'posts', callback(call('groupLimit', 1))),
        call('where', { id: 1 }),
      ],
    }
    assert.deepEqual(
      built,
      chain('User', (u) =>
        u
          .query()
          .preload('posts', (q: Q) => q.groupLimit(1))
          .where({ id: 1 }),
      ),
    )
  })

  test('unknown models, unsupported relation kinds and plans that run nothing fail clearly', async () => {
    assert.equal((await failure({ model: 'Ghost', calls: [] })).message, 'Unknown model "Ghost"')
    assert.equal(
      (await failure(chain('User', (u) => u.findOrFail(1).related('posts')))).message,
      'The plan ends at a relation, before any query',
    )
    const graph: ModelGraph = {
      ...FIXTURE_GRAPH,
      models: FIXTURE_GRAPH.models.map((model) =>
        model.name === 'Post'
          ? {
              ...model,
              relations: [
                {
                  name: 'tags',
                  kind: 'hasManyThrough',
                  relatedModel: 'Comment',
                  serializeAs: 'tags',
                  hasOnQuery: false,
                },
              ],
            }
          : model,
      ),
    }
    const error = await failure(
      chain('Post', (p) => p.query().preload('tags')),
      graph,
    )
    assert.equal(error.message, '"hasManyThrough" relations are not supported in previews yet')
  })

  test('a property where SQL needs its column: the same words as LL304, from the same helper', async () => {
    const error = await failure(
      chain('User', (u) =>
        u.query().preload('posts', (q: Q) => q.groupLimit(1).groupOrderBy('createdAt', 'desc')),
      ),
    )
    assert.equal(error.code, 'E_NO_SUCH_COLUMN')
    // No table in the window's ORDER BY: every model with that property and column is named.
    const words = propertyNotColumn(['User.createdAt', 'Post.createdAt'], 'created_at')
    assert.ok(error.message.endsWith(` It is not a column: ${words}`), error.message)
    assert.doesNotMatch(error.message, /No model column maps/)
  })
})
