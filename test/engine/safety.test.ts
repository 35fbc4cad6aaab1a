// A preview must never change the database: the file's bytes are identical after every scenario
// of the differential suite ran through the engine, and the engine's connection refuses writes.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { SqliteExecutor } from '../../engine/src/connection/sqlite-executor'
import { PreviewError } from '../../engine/src/query/errors'
import { ALL_SCENARIOS } from './differential/scenarios'
import { engineOutcome } from './support/differential'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('safety', () => {
  let file = ''
  before(() => {
    file = createFixtureDatabase()
  })
  after(() => removeFixtureDatabase(file))

  test('every scenario leaves the database byte-for-byte unchanged', async () => {
    assert.ok(ALL_SCENARIOS.length >= 30, `only ${ALL_SCENARIOS.length} scenarios`)
    const before = sha256(file)
    const executor = new SqliteExecutor(file)
    try {
      for (const scenario of ALL_SCENARIOS) await engineOutcome(scenario.plan, executor)
    } finally {
      executor.close()
    }
    assert.equal(sha256(file), before)
  })

  test('the connection refuses writes and never creates a database', async () => {
    const executor = new SqliteExecutor(file)
    try {
      for (const sql of [
        'delete from users',
        "update posts set title = 'x'",
        'create table t (id integer)',
      ]) {
        await assert.rejects(executor.run(sql, [], 10), (error: unknown) => error instanceof PreviewError)
      }
      // Even a statement smuggled past the reader check hits a read-only handle.
      await assert.rejects(executor.run('insert into users (id) select 99 returning id', [], 10))
    } finally {
      executor.close()
    }
    const missing = path.join(path.dirname(file), 'missing.sqlite3')
    assert.throws(() => new SqliteExecutor(missing))
    assert.equal(fs.existsSync(missing), false)
  })
})
