// Only Lucid's own methods run in previews: names every plain object inherits from Object.prototype
// (`constructor`, `__proto__`, `valueOf`, ...) are refused like any other unknown method, at every
// stage of a chain, inside callbacks and inside onQuery hooks, before any statement is sent.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ModelGraph } from '../../engine/src/model-graph'
import { call, callback, type Call, type QueryPlan } from '../../engine/src/plan'
import { previewSqlite } from '../../engine/src/preview'
import { PreviewError } from '../../engine/src/query/errors'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'

const INHERITED = [
  'constructor',
  '__proto__',
  'valueOf',
  'toString',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]

/** Where a method can be called: each returns the plan calling `method('x')` there. */
const STAGES: Array<[string, (method: Call) => QueryPlan]> = [
  ['on the model class', (m) => ({ model: 'User', calls: [m] })],
  ['on a query', (m) => ({ model: 'User', calls: [call('query'), m] })],
  ['on a row', (m) => ({ model: 'User', calls: [call('findOrFail', 1), m] })],
  ['on a relation', (m) => ({ model: 'User', calls: [call('findOrFail', 1), call('related', 'posts'), m] })],
  [
    'inside a preload callback',
    (m) => ({ model: 'User', calls: [call('query'), call('preload', 'posts', callback(m))] }),
  ],
  ['inside a where callback', (m) => ({ model: 'User', calls: [call('query'), call('where', callback(m))] })],
]

describe('the method allow-list ignores Object.prototype', () => {
  let file = ''
  before(() => {
    file = createFixtureDatabase()
  })
  after(() => removeFixtureDatabase(file))

  for (const name of INHERITED) {
    test(`.${name}() is not supported in previews, at every stage`, async () => {
      for (const [stage, plan] of STAGES) {
        await assert.rejects(previewSqlite(FIXTURE_GRAPH, plan(call(name, 'x')), file), (error: unknown) => {
          assert.ok(error instanceof PreviewError, `${stage}: ${String(error)}`)
          assert.equal(error.code, 'E_UNSUPPORTED', stage)
          assert.equal(error.message, `".${name}" is not supported in previews`, stage)
          // Only the parent's own query may have run (a preload callback runs after it, as in
          // Lucid); the builder the refused call was made on never sent a statement.
          assert.ok(
            error.statements.every((s) => s.sql.startsWith('select * from `users`')),
            `${stage}: ${error.statements.map((s) => s.sql).join('; ')}`,
          )
          return true
        })
      }
    })
  }

  test('an onQuery hook calling an inherited name is skipped with the same reason', async () => {
    const graph: ModelGraph = {
      ...FIXTURE_GRAPH,
      models: FIXTURE_GRAPH.models.map((model) => ({
        ...model,
        relations: model.relations.map((relation) =>
          relation.name === 'posts' && model.name === 'User'
            ? { ...relation, hasOnQuery: true, onQuery: { steps: [{ calls: [call('constructor', 'x')] }] } }
            : relation,
        ),
      })),
    }
    const preview = await previewSqlite(
      graph,
      { model: 'User', calls: [call('query'), call('where', 'id', 1), call('preload', 'posts')] },
      file,
    )
    assert.deepEqual(preview.warnings, [
      'onQuery of "User.posts" was not applied: ".constructor" is not supported in previews',
    ])
  })
})
