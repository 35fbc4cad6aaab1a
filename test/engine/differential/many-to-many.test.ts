// Differential suite: manyToMany relations (related queries, pivot clauses, preload/load,
// subqueries), plus the writes previews refuse on them.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SqliteExecutor } from '../../../engine/src/connection/sqlite-executor'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import { differential } from '../support/differential'
import { createFixtureDatabase, removeFixtureDatabase } from '../support/fixture-db'
import { FIXTURE_GRAPH } from '../support/fixture-graph'
import { chain } from '../support/plan-recorder'
import { MANY_TO_MANY } from './scenarios/many-to-many'

differential('manyToMany relations', MANY_TO_MANY)

test('writes through a manyToMany fail as unsupported, before any write', async () => {
  const file = createFixtureDatabase()
  const executor = new SqliteExecutor(file)
  try {
    for (const method of ['attach', 'detach', 'sync']) {
      const plan = chain('User', (u) => u.findOrFail(1).related('skills')[method]([2]))
      await assert.rejects(runPlan(FIXTURE_GRAPH, plan, executor), (error: unknown) => {
        assert.ok(error instanceof PreviewError, String(error))
        assert.equal(error.code, 'E_UNSUPPORTED')
        assert.equal(error.message, `".${method}" is not supported in previews`)
        return true
      })
    }
  } finally {
    executor.close()
    removeFixtureDatabase(file)
  }
})
