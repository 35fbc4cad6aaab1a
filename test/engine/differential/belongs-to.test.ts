// Differential suite: belongsTo relations (related queries, preload/load, subqueries, errors), plus
// the writes previews refuse on them.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SqliteExecutor } from '../../../engine/src/connection/sqlite-executor'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import { differential } from '../support/differential'
import { createFixtureDatabase, removeFixtureDatabase } from '../support/fixture-db'
import { FIXTURE_GRAPH } from '../support/fixture-graph'
import { chain } from '../support/plan-recorder'
import { BELONGS_TO } from './scenarios/belongs-to'

differential('belongsTo relations', BELONGS_TO)

test('associate and dissociate through a belongsTo fail as unsupported, before any write', async () => {
  const file = createFixtureDatabase()
  const executor = new SqliteExecutor(file)
  try {
    for (const method of ['associate', 'dissociate']) {
      const plan = chain('Post', (p) => p.findOrFail(1).related('author')[method]({ id: 2 }))
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
