// The executor and safety suites every server dialect runs: the row cap, the statement timeout,
// cancellation, actionable errors, and a database left unchanged by every scenario and every write.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { DatabaseError } from '../../../engine/src/connection/database-errors'
import { previewMysql, previewPostgres } from '../../../engine/src/preview-server'
import type { ModelGraph } from '../../../engine/src/model-graph'
import { PreviewError } from '../../../engine/src/query/errors'
import { ALL_SCENARIOS } from '../differential/scenarios'
import { FIXTURE_GRAPH } from './fixture-graph'
import { chain } from './plan-recorder'
import { contentChecksum, MARKER, previewSessions, probeRunning, sleepSql, waitFor } from './server-checks'
import { buildFixture, createServerDatabase, type ServerDatabase, type ServerDialect } from './server-db'
import { openExecutor } from './server-target'

const code = (expected: string) => (error: unknown) => {
  assert.ok(error instanceof PreviewError, String(error))
  assert.equal(error.code, expected, error.message)
  return true
}

export function serverSuites(dialect: ServerDialect): void {
  const preview = dialect === 'pg' ? previewPostgres : previewMysql
  let database: ServerDatabase
  before(async () => {
    database = await createServerDatabase(dialect, async (db) => {
      await buildFixture(db)
      if (dialect === 'pg') await db.raw('create sequence lucid_lens_seq')
    })
  })
  after(() => database?.drop())

  describe(`${dialect} executor`, () => {
    test('rows stop at the cap on a large result, and the session stays usable', async () => {
      const executor = await openExecutor(dialect, database.settings)
      try {
        const huge = 'select a.id from posts a cross join posts b cross join posts c cross join posts d'
        assert.deepEqual(await executor.run(huge, [], 5).then((r) => [r.rows.length, r.truncated]), [5, true])
        const next = await executor.run(
          'select id from users where id = ?'.replace('?', dialect === 'pg' ? '$1' : '?'),
          [2],
          5,
        )
        assert.deepEqual(next, { rows: [{ id: 2 }], truncated: false })
        if (dialect === 'pg') {
          const { rows } = await executor.run("select current_setting('transaction_read_only') as ro", [], 1)
          assert.deepEqual(rows, [{ ro: 'on' }])
        }
      } finally {
        await executor.close()
      }
    })

    test('the server stops a statement at the timeout', async () => {
      const executor = await openExecutor(dialect, database.settings, { statementTimeoutMs: 200 })
      const started = Date.now()
      try {
        await assert.rejects(executor.run(sleepSql(dialect, 3), [], 1), (error: unknown) => {
          assert.ok(error instanceof PreviewError && error.code === 'E_TIMEOUT', String(error))
          assert.match(
            error.message,
            /The query took longer than 200 ms \((statement_timeout|max_statement_time|max_execution_time)\)/,
          )
          return true
        })
      } finally {
        await executor.close()
      }
      assert.ok(Date.now() - started < 2_500, `took ${Date.now() - started} ms`)
      assert.equal(await probeRunning(dialect, database.knex), false)
    })

    test('aborting cancels the running statement on the server', async () => {
      const controller = new AbortController()
      const executor = await openExecutor(dialect, database.settings, { signal: controller.signal })
      const started = Date.now()
      const pending = executor.run(sleepSql(dialect, 20), [], 1)
      try {
        await waitFor(() => probeRunning(dialect, database.knex), `${MARKER} to start`)
        controller.abort()
        await assert.rejects(pending, code('E_CANCELLED'))
        await assert.rejects(executor.run('select 1 as one', [], 1), code('E_CANCELLED'))
      } finally {
        await executor.close()
      }
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`)
      await waitFor(async () => !(await probeRunning(dialect, database.knex)), 'the statement to stop')
    })

    test('connection problems name the server, the user or the database', async () => {
      const { settings } = database
      await assert.rejects(openExecutor(dialect, { ...settings, port: 1 }), (error: unknown) => {
        assert.ok(error instanceof PreviewError && error.code === 'E_CONNECTION', String(error))
        assert.match(
          error.message,
          /Cannot connect to (PostgreSQL|MySQL) at 127\.0\.0\.1:1: connection refused/,
        )
        return true
      })
      await assert.rejects(
        openExecutor(dialect, { ...settings, user: 'lucid_lens_nobody' }),
        (error: unknown) => {
          assert.ok(error instanceof PreviewError && error.code === 'E_ACCESS_DENIED', String(error))
          assert.match(error.message, /rejected the user "lucid_lens_nobody"/)
          return true
        },
      )
      await assert.rejects(
        openExecutor(dialect, { ...settings, database: 'lucid_lens_missing' }),
        (error: unknown) => {
          assert.ok(error instanceof PreviewError, String(error))
          assert.match(
            error.message,
            /The database "lucid_lens_missing" does not exist on (PostgreSQL|MySQL) at/,
          )
          return true
        },
      )
    })

    test('a missing table or column names the model and property that lead there', async () => {
      const broken: ModelGraph = structuredClone(FIXTURE_GRAPH)
      const user = broken.models.find((m) => m.name === 'User')
      const post = broken.models.find((m) => m.name === 'Post')
      const fullName = user?.columns.find((c) => c.attribute === 'fullName')
      assert.ok(post && fullName)
      fullName.columnName = 'full_nam'
      post.table = 'postz'
      const failure = (plan: ReturnType<typeof chain>) =>
        preview(broken, plan, database.settings).then(
          () => assert.fail('expected a failure'),
          (error: unknown) => error as DatabaseError,
        )
      const column = await failure(chain('User', (u) => u.query().select('fullName')))
      assert.equal(column.code, 'E_NO_SUCH_COLUMN')
      assert.match(
        column.message,
        /The column "(users\.)?full_nam" does not exist .* It is the column of "User\.fullName"/,
      )
      assert.equal(column.statements.length, 1)
      const table = await failure(chain('User', (u) => u.query().preload('posts')))
      assert.equal(table.code, 'E_NO_SUCH_TABLE')
      assert.match(table.message, /The table "postz" does not exist .* It is the table of the model "Post"/)
      assert.equal(table.statements.length, 2)
    })
  })

  describe(`${dialect} safety`, () => {
    test('every scenario leaves the database unchanged and no session behind', async () => {
      assert.ok(ALL_SCENARIOS.length >= 30)
      const before = await contentChecksum(dialect, database.knex)
      for (const scenario of ALL_SCENARIOS)
        await preview(FIXTURE_GRAPH, scenario.plan, database.settings).catch(() => undefined)
      assert.equal(await contentChecksum(dialect, database.knex), before)
      await waitFor(
        async () => (await previewSessions(dialect, database.knex)) === 0,
        'preview sessions to end',
      )
    })

    test('writes are refused, and even a write hidden in a select is rolled back', async () => {
      const before = await contentChecksum(dialect, database.knex)
      const executor = await openExecutor(dialect, database.settings)
      try {
        for (const sql of [
          'delete from users',
          "update posts set title = 'x'",
          'create table t (id integer)',
        ])
          await assert.rejects(executor.run(sql, [], 10), (error: unknown) => error instanceof PreviewError)
      } finally {
        await executor.close()
      }
      if (dialect === 'pg') {
        const sequence = await openExecutor(dialect, database.settings)
        await assert
          .rejects(sequence.run("select nextval('lucid_lens_seq')", [], 1), code('E_READ_ONLY'))
          .finally(() => sequence.close())
        // READ ONLY does not stop lo_create(); the rollback at the end does.
        const hidden = await openExecutor(dialect, database.settings)
        await hidden.run('select lo_create(0) as oid', [], 1).finally(() => hidden.close())
      }
      assert.equal(await contentChecksum(dialect, database.knex), before)
    })
  })
}
