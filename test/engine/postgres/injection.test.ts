// Injection attempts at every interpolated position, on a real PostgreSQL (support/injection-suite.ts),
// and the row count the executor pastes into FETCH.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { injectionSuite } from '../support/injection-suite'
import { serverTarget } from '../support/server-target'
import { writeInjectionSuite } from '../support/write-injection-suite'
import { serverWriteTarget } from '../support/server-write-target'

injectionSuite('injection on PostgreSQL', serverTarget('pg'), '"')
writeInjectionSuite('injection in dry-run writes on PostgreSQL', serverWriteTarget('pg'), '"')

test('the executor pastes only a whole row count into FETCH', async () => {
  const target = await serverTarget('pg')()
  try {
    await target.withExecutor(async (executor) => {
      const rowCap = '1 from lucid_lens_cursor; select 1' as unknown as number
      await assert.rejects(executor.run('select 1 as one', [], rowCap), /rowCap must be a whole number/)
      assert.deepEqual((await executor.run('select 1 as one', [], 5)).rows, [{ one: 1 }])
    })
  } finally {
    await target.close()
  }
})
