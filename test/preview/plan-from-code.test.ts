// Lucid code to query plans (parsed, never evaluated), and from there through the engine.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { call, callback } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { buildModelGraph } from '../../server/src/analysis'
import type { ModelGraph } from '../../engine/src/model-graph'
import { planFromCode, PlanSyntaxError } from '../../server/src/preview/plan-from-code'
import { readPlan, type BoundRow } from '../../server/src/preview/read-plan'
import { ProjectService } from '../../server/src/project/project-service'
import { repoRoot } from '../support/paths'

test('chains, literals, objects, arrays and callbacks become plans', () => {
  assert.deepEqual(
    planFromCode("await User.findOrFail(1).related('posts').query().where('isPublished', true);"),
    {
      model: 'User',
      calls: [
        call('findOrFail', 1),
        call('related', 'posts'),
        call('query'),
        call('where', 'isPublished', true),
      ],
    },
  )
  assert.deepEqual(
    planFromCode(
      "User.query().preload('posts', (q) => q.where({ title: 'x' }).whereIn('id', [1, -2]).preload('comments'))",
    ),
    {
      model: 'User',
      calls: [
        call('query'),
        call(
          'preload',
          'posts',
          callback(
            call('where', { title: 'x' }),
            call('whereIn', 'id', [1, -2]),
            call('preload', 'comments'),
          ),
        ),
      ],
    },
  )
  assert.deepEqual(
    planFromCode(
      "User.query().withCount('posts', function (query) { query.where('a', null); return query.as('n') })",
    ),
    {
      model: 'User',
      calls: [call('query'), call('withCount', 'posts', callback(call('where', 'a', null), call('as', 'n')))],
    },
  )
})

test('free variables are bound by the caller; a callback parameter shadows them', () => {
  const user = { model: 'User', calls: [call('findOrFail', 7)] }
  assert.deepEqual(planFromCode("user.related('posts').query()", { user }), {
    model: 'User',
    calls: [call('findOrFail', 7), call('related', 'posts'), call('query')],
  })
  assert.deepEqual(
    planFromCode("User.query().preload('posts', (user) => user.limit(1))", { user }).calls[1],
    call('preload', 'posts', callback(call('limit', 1))),
  )
})

test('`new Model()` starts a chain at an unpersisted instance, for dry-run writes', () => {
  assert.deepEqual(
    planFromCode("new User().merge({ fullName: 'Neo' }).related('posts').create({ title: 'x' })"),
    {
      model: 'User',
      calls: [
        call('new'),
        call('merge', { fullName: 'Neo' }),
        call('related', 'posts'),
        call('create', { title: 'x' }),
      ],
    },
  )
  assert.throws(() => planFromCode('new User({ id: 1 }).save()'), PlanSyntaxError)
})

test('what cannot be read statically is reported precisely', () => {
  const cases: [string, RegExp, number][] = [
    [
      "User.query().where('id', someId)",
      /`someId` is not supported in previews: expected a literal value/,
      25,
    ],
    ["User.query().where('a', `x${1}`)", /is not supported in previews/, 24],
    ['User.query(', /Not a valid expression/, 11],
    ["getUsers().preload('posts')", /`getUsers` is not supported in previews: expected a call on a model/, 0],
    ["User.query().preload('posts', (q) => { console.log(q) })", /only calls on "q" inside the callback/, 39],
  ]
  for (const [text, message, offset] of cases) {
    assert.throws(
      () => planFromCode(text),
      (error: unknown) =>
        error instanceof PlanSyntaxError && message.test(error.message) && error.offset === offset,
      text,
    )
  }
})

test('code from the editor runs through the engine on the example database', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-preview-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), dir, { recursive: true })
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  const db = path.join(dir, 'tmp', 'db.sqlite3')
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  const [project] = new ProjectService(ts).discover(dir)
  assert.ok(project)
  const graph = buildModelGraph(project.index())
  const result = await previewSqlite(
    graph,
    planFromCode("Organization.query().preload('members', (m) => m.limit(2)).first()"),
    db,
    {},
  )
  assert.deepEqual(
    result.statements.map((s) => s.sql),
    [
      'select * from `organizations` limit ?',
      'select * from `users` where `organization_uuid` in (?) limit ?',
    ],
  )
  const org = result.result as { name: string; members: { email: string }[] }
  assert.equal(org.name, 'Acme')
  assert.deepEqual(
    org.members.map((m) => m.email),
    ['user1@example.com', 'user4@example.com'],
  )
})

test('names on Object.prototype are never taken for bound variables or object keys', () => {
  // No variables bound: `constructor` / `toString` are free names, not Object.prototype's methods.
  for (const root of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    assert.deepEqual(planFromCode(`${root}.related('posts').query()`), {
      model: root,
      calls: [call('related', 'posts'), call('query')],
    })
  }
  assert.deepEqual(
    planFromCode("User.query().preload('posts', (toString) => toString.limit(1))", {
      user: { model: 'User', calls: [] },
    }).calls[1],
    call('preload', 'posts', callback(call('limit', 1))),
  )
  // `__proto__: {...}` would set the object's prototype instead of adding a key: refused.
  assert.throws(
    () => planFromCode('User.query().where({ __proto__: { isRawInstance: true } })'),
    (error: unknown) =>
      error instanceof PlanSyntaxError &&
      /`__proto__: \{ isRawInstance: true \}` is not supported/.test(error.message),
  )
})

test('a bound row named __proto__ stays a variable of its own', () => {
  const graph = { generation: 'v6' as const, models: [{ name: 'User' }] } as unknown as ModelGraph
  const rows = JSON.parse('{"__proto__": {"model": "User", "key": 3}}') as Record<string, BoundRow>
  assert.deepEqual(readPlan("__proto__.related('posts').query()", graph, rows), {
    kind: 'plan',
    plan: { model: 'User', calls: [call('findOrFail', 3), call('related', 'posts'), call('query')] },
  })
  assert.deepEqual(readPlan("constructor.related('posts').query()", graph, {}), {
    kind: 'free',
    name: 'constructor',
  })
})
