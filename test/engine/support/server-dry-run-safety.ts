// Dry runs on database servers never keep a change: statements that could end or escape the
// transaction are refused before they reach the server, a cancelled or failing dry run is rolled
// back, no session stays behind, and on MySQL a table that cannot roll back is never written.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { MysqlDryRunExecutor } from '../../../engine/src/connection/mysql-dry-run-executor'
import { PostgresDryRunExecutor } from '../../../engine/src/connection/postgres-dry-run-executor'
import type { ServerConnection, ServerExecutorOptions } from '../../../engine/src/connection/server-options'
import { previewMysql, previewPostgres } from '../../../engine/src/preview-server'
import { PreviewError } from '../../../engine/src/query/errors'
import { chain } from './plan-recorder'
import { contentChecksum, previewSessions, waitFor } from './server-checks'
import {
  buildFixture,
  createServerDatabase,
  resetIdCounters,
  type ServerDatabase,
  type ServerDialect,
} from './server-db'
import { WRITE_GRAPH } from './write-differential'

const isCode = (code: string) => (error: unknown) => {
  assert.ok(error instanceof PreviewError, String(error))
  assert.equal(error.code, code, error.message)
  return true
}

function openDryRun(dialect: ServerDialect, settings: ServerConnection, options: ServerExecutorOptions = {}) {
  return dialect === 'pg'
    ? PostgresDryRunExecutor.openDryRun(settings, options)
    : MysqlDryRunExecutor.openDryRun(settings, options)
}

export function serverDryRunSafety(dialect: ServerDialect): void {
  const preview = dialect === 'pg' ? previewPostgres : previewMysql
  let database: ServerDatabase
  /** The rows, with the id counters put back first (servers never roll those back). */
  const checksum = async () => {
    await resetIdCounters(database.knex)
    return contentChecksum(dialect, database.knex)
  }
  before(async () => {
    database = await createServerDatabase(dialect, (db) => buildFixture(db, { autoIds: true }))
  })
  after(() => database?.drop())

  test(`${dialect}: a dry-run session refuses what could commit or escape its transaction`, async () => {
    const before = await checksum()
    const executor = await openDryRun(dialect, database.settings)
    try {
      for (const sql of ['create table t (id integer)', 'commit', 'select 1; commit', 'drop table posts'])
        await assert.rejects(executor.write(sql, [], 10), isCode('E_READ_ONLY'))
      const inserted = await executor.write("insert into users (full_name) values ('dry')", [], 10)
      assert.equal(inserted.affectedRows, 1)
    } finally {
      await executor.close()
    }
    assert.equal(await checksum(), before)
  })

  test(`${dialect}: a cancelled dry run stops and keeps nothing`, async () => {
    const before = await checksum()
    const controller = new AbortController()
    const plan = chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .createMany([{ title: 'a' }, { title: 'b' }]),
    )
    const run = preview(WRITE_GRAPH, plan, database.settings, { dryRun: true, signal: controller.signal })
    controller.abort()
    await assert.rejects(run, isCode('E_CANCELLED'))
    assert.equal(await checksum(), before)
    await waitFor(
      async () => (await previewSessions(dialect, database.knex)) === 0,
      'dry-run sessions to end',
    )
  })

  test(`${dialect}: a dry run reports the rows it would write and the warnings, then rolls back`, async () => {
    const before = await checksum()
    const plan = chain('User', (u) => u.findOrFail(2).related('posts').create({ title: 'draft' }))
    const result = await preview(WRITE_GRAPH, plan, database.settings, { dryRun: true })
    assert.equal(result.dryRun, true)
    assert.equal((result.result as Record<string, unknown>)['title'], 'draft')
    assert.equal((result.result as Record<string, unknown>)['userId'], 2)
    assert.equal(result.warnings.length, 2, result.warnings.join('; '))
    assert.equal(await checksum(), before)
  })

  test(`${dialect}: EXPLAIN ANALYZE of a dry run's reads runs inside its transaction and keeps nothing`, async () => {
    const before = await checksum()
    const plan = chain('User', (u) => u.findOrFail(2).related('posts').create({ title: 'explained' }))
    const result = await preview(WRITE_GRAPH, plan, database.settings, { dryRun: true, explain: 'analyze' })
    assert.equal(result.dryRun, true)
    const read = result.statements.find((s) => /^select/i.test(s.sql))
    assert.ok(read?.plan && read.plan.nodes.length > 0, JSON.stringify(read))
    assert.ok(result.statements.filter((s) => !/^select/i.test(s.sql)).every((s) => s.plan === undefined))
    assert.equal(await checksum(), before)
  })

  if (dialect === 'mysql2')
    test('mysql: a write to a table that cannot roll back (MyISAM) is refused before it runs', async () => {
      await database.knex.raw(
        'create table notes (id integer primary key auto_increment, body text) engine = MyISAM',
      )
      const before = await checksum()
      const executor = await openDryRun(dialect, database.settings)
      try {
        await assert.rejects(
          executor.write("insert into `notes` (`body`) values ('x')", [], 10),
          (error: unknown) => isCode('E_READ_ONLY')(error) && /MyISAM/i.test((error as Error).message),
        )
      } finally {
        await executor.close()
      }
      assert.equal(await checksum(), before)
      assert.deepEqual(await database.knex('notes').count('* as n'), [{ n: 0 }])
    })
}
