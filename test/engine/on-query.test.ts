// onQuery in previews, where Lucid has no counterpart to compare with: a fragment naming a method
// the engine does not implement is skipped whole with one warning per preview, and a graph that
// only knows a hook exists (built without the analysis) keeps its older warning.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ModelGraph, OnQueryPlan } from '../../engine/src/model-graph'
import { call, callback } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import { chain } from './support/plan-recorder'

/** The fixture graph with `User.posts` given `onQuery` (or only `hasOnQuery`). */
function withHook(onQuery: OnQueryPlan | undefined): ModelGraph {
  return {
    ...FIXTURE_GRAPH,
    models: FIXTURE_GRAPH.models.map((model) => ({
      ...model,
      relations: model.relations.map((relation) =>
        relation.name === 'posts' && model.name === 'User'
          ? { ...relation, hasOnQuery: true, onQuery }
          : relation,
      ),
    })),
  }
}

describe('onQuery in previews', () => {
  let file = ''
  before(() => {
    file = createFixtureDatabase()
  })
  after(() => removeFixtureDatabase(file))
  const plan = chain('User', (u) => u.query().where('id', 1).withCount('posts').preload('posts'))

  test('a method the engine lacks, even inside a callback, skips the whole hook once', async () => {
    const graph = withHook({
      steps: [
        { calls: [call('where', 'isPublished', true)] },
        {
          if: { flag: 'isRelatedQuery', negated: false },
          then: [{ calls: [call('where', callback(call('whereRaw', '1')))] }],
        },
      ],
    })
    const preview = await previewSqlite(graph, plan, file)
    assert.deepEqual(preview.warnings, [
      'onQuery of "User.posts" was not applied: ".whereRaw" is not supported in previews',
    ])
    assert.deepEqual(
      preview.statements.map((s) => s.sql),
      [
        'select `users`.*, (select count(*) from `posts` where `users`.`id` = `posts`.`user_id`) as `posts_count` from `users` where `id` = ?',
        'select * from `posts` where `user_id` in (?)',
      ],
    )
  })

  test('an argument Lucid would paste into SQL, if not a plain name, skips the hook with the reason', async () => {
    const graph = withHook({
      steps: [{ calls: [call('orderBy', [{ column: 'id', nulls: "last, (select 'x')" }])] }],
    })
    const preview = await previewSqlite(graph, plan, file)
    assert.deepEqual(preview.warnings, [
      'onQuery of "User.posts" was not applied: ".orderBy" nulls: "last, (select \'x\')" is not supported in previews: expected "first" or "last"',
    ])
    assert.ok(preview.statements.every((s) => !s.sql.includes("select 'x'")))
  })

  test('a graph built elsewhere (hasOnQuery only) keeps its warning', async () => {
    const preview = await previewSqlite(withHook(undefined), plan, file)
    assert.deepEqual(preview.warnings, ['The onQuery hook of "User.posts" is not applied in previews yet'])
  })

  test('an empty body changes nothing and warns about nothing', async () => {
    const preview = await previewSqlite(withHook({ steps: [] }), plan, file)
    assert.deepEqual(preview.warnings, [])
    assert.equal(preview.statements.length, 2)
  })
})
