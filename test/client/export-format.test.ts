// The panel's table shape and its CSV/JSON exports, on real engine results from the SQLite fixture.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { csvField, toCsv, toJson, withExtras } from '../../client/src/export-format'
import { topLevel } from '../../client/src/result-table'
import type { Recorder } from '../engine/support/plan-recorder'
import { fixturePreviews, type FixturePreviews } from './support/fixture-previews'

describe('tables and exports', () => {
  let previews: FixturePreviews
  before(() => {
    previews = fixturePreviews()
  })
  after(() => previews.remove())

  const usersWithPosts = (u: Recorder) =>
    u
      .query()
      .withCount('posts')
      .preload('posts', (q: Recorder) => q.preload('comments'))
      .preload('profile')
      .limit(2)

  test('attributes, then $extras, then relations as nested tables', async () => {
    const result = await previews.run('User', usersWithPosts)
    const top = topLevel(result.result, result.extras)
    assert.equal(top.kind, 'table')
    if (top.kind !== 'table') return
    assert.deepEqual(
      top.table.columns.map((c) => c.header),
      // `secret` is a column of the table that no model declares: Lucid keeps it in $extras.
      ['id', 'uuid', 'fullName', 'email', 'createdAt', '$secret', '$posts_count', 'posts', 'profile'],
    )
    assert.equal(top.table.rows.length, 2)
    const cell = (header: string) =>
      top.table.rows[0]?.[top.table.columns.findIndex((c) => c.header === header)]
    const posts = cell('posts')
    assert.equal(posts?.kind, 'relation')
    if (posts?.kind !== 'relation' || !posts.table) return assert.fail('posts is a nested table')
    assert.equal(posts.many, true)
    assert.equal(posts.table.rows.length, 3)
    // An empty preloaded relation is still a relation column (the engine lists it in the extras).
    assert.deepEqual(posts.table.columns.map((c) => `${c.kind}:${c.header}`).slice(-1), ['relation:comments'])
    const profile = cell('profile')
    assert.ok(profile?.kind === 'relation' && profile.many === false && profile.table?.rows.length === 1)
    assert.deepEqual(cell('$posts_count'), { kind: 'value', value: 3 })
    assert.deepEqual(cell('$secret'), { kind: 'value', value: 's1' })
  })

  test('CSV: RFC 4180 quoting, extras as columns, relations as JSON, null as empty', async () => {
    assert.equal(csvField('plain'), 'plain')
    assert.equal(csvField('a,b'), '"a,b"')
    assert.equal(csvField('say "hi"'), '"say ""hi"""')
    assert.equal(csvField('two\nlines'), '"two\nlines"')
    const csv = toCsv(await previews.run('User', usersWithPosts))
    const lines = csv.split('\r\n')
    assert.equal(lines[0], 'id,uuid,fullName,email,createdAt,$secret,$posts_count,posts,profile')
    assert.match(
      lines[1] ?? '',
      /^1,0b9f4a52-3c1e-4f7a-9a51-6f1d2c3b4a01,Ann Lee,ann@example.com,2024-01-05T10:00:00\.000\+00:00,s1,3,"\[\{""id"":1,/,
    )
    assert.equal(lines.length, 4)
    assert.equal(lines[3], '')
    const nulls = toCsv(await previews.run('User', (u: Recorder) => u.query().where('id', 3)))
    assert.equal(nulls.split('\r\n')[1], '3,0b9f4a52-3c1e-4f7a-9a51-6f1d2c3b4a03,Cy Park,,,')
  })

  test('JSON: the serialized rows with each model’s $extras beside its attributes', async () => {
    const result = await previews.run('User', usersWithPosts)
    const exported = JSON.parse(toJson(result)) as Array<Record<string, unknown>>
    assert.equal(exported.length, 2)
    assert.deepEqual(exported[0]?.['$extras'], { secret: 's1', posts_count: 3 })
    const posts = exported[0]?.['posts'] as Array<Record<string, unknown>>
    assert.equal(posts.length, 3)
    assert.equal('$extras' in (posts[0] ?? {}), false)
    assert.deepEqual(
      withExtras({ meta: { total: 1 }, data: [{ id: 1 }] }, { data: [{ extras: { n: 1 }, relations: {} }] }),
      {
        meta: { total: 1 },
        data: [{ id: 1, $extras: { n: 1 } }],
      },
    )
  })

  test('a page, a single row, no row', async () => {
    const page = await previews.run('Post', (p: Recorder) => p.query().orderBy('id').paginate(1, 2))
    const top = topLevel(page.result, page.extras)
    assert.ok(top.kind === 'table' && top.meta !== undefined && top.table.rows.length === 2)
    const one = await previews.run('User', (u: Recorder) => u.findOrFail(1))
    const single = topLevel(one.result, one.extras)
    assert.ok(single.kind === 'table' && single.table.rows.length === 1)
    const none = await previews.run('User', (u: Recorder) => u.find(999))
    assert.equal(topLevel(none.result, none.extras).kind, 'none')
    assert.equal(toCsv(none), '')
  })
})
