// Faults every server dialect must report clearly: a server that accepts the connection and never
// answers (a local socket), a table lock and a row lock held by a second connection (the preview
// names the lock and the server, within the preview's time limit), and a column whose name has a space.
import assert from 'node:assert/strict'
import * as net from 'node:net'
import { after, before, test } from 'node:test'
import { DatabaseError } from '../../../engine/src/connection/database-errors'
import type { QueryPlan } from '../../../engine/src/plan'
import { previewMysql, previewPostgres } from '../../../engine/src/preview-server'
import { PreviewError } from '../../../engine/src/query/errors'
import { FIXTURE_GRAPH } from './fixture-graph'
import { chain } from './plan-recorder'
import { createServerDatabase, type ServerDatabase, type ServerDialect } from './server-db'

/** Fails unless `run` rejects with a PreviewError of `code`; returns it. */
async function failure(run: Promise<unknown>, code: string): Promise<PreviewError> {
  try {
    await run
  } catch (error) {
    assert.ok(error instanceof PreviewError, String(error))
    assert.equal(error.code, code, error.message)
    return error
  }
  throw new Error(`expected ${code}`)
}

export function serverFaults(dialect: ServerDialect): void {
  const preview = dialect === 'pg' ? previewPostgres : previewMysql
  const product = dialect === 'pg' ? 'PostgreSQL' : 'MySQL'
  // MySQL and MariaDB count lock waits in whole seconds: 2 500 ms leaves 2 s for the lock.
  const limitMs = dialect === 'pg' ? 600 : 2_500
  const lockWaitMs = dialect === 'pg' ? 540 : 2_000
  let database: ServerDatabase
  before(async () => {
    database = await createServerDatabase(dialect)
  })
  after(() => database?.drop())

  const run = (plan: QueryPlan, options: { dryRun?: boolean } = {}) =>
    preview(FIXTURE_GRAPH, plan, database.settings, { statementTimeoutMs: limitMs, ...options })

  /** Runs `during` while a second connection holds `lock` in an open transaction. */
  async function whileLocked(lock: string, during: () => Promise<void>): Promise<void> {
    const holder = await database.knex.transaction()
    try {
      await holder.raw(lock)
      await during()
    } finally {
      if (dialect === 'mysql2') await holder.raw('unlock tables')
      await holder.rollback()
    }
  }

  test(`${dialect}: a server that accepts the connection and never answers names host, port and limit`, async () => {
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as net.AddressInfo
    try {
      const settings = { ...database.settings, host: '127.0.0.1', port }
      const plan = chain('User', (u) => u.query())
      const error = await failure(
        preview(FIXTURE_GRAPH, plan, settings, { statementTimeoutMs: 300 }),
        'E_CONNECTION',
      )
      assert.match(
        error.message,
        new RegExp(
          `^Cannot connect to ${product} at 127\\.0\\.0\\.1:${port}: no answer within 300 ms \\(.+\\)\\. `,
        ),
      )
      assert.match(error.message, /listens on that host and port/)
      assert.ok(sockets.length > 0, 'the preview reached the silent server')
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })

  test(`${dialect}: a read waiting on a table lock says who holds it, after the time limit's lock wait`, async () => {
    const lock = dialect === 'pg' ? 'lock table users in access exclusive mode' : 'lock tables users write'
    await whileLocked(lock, async () => {
      const error = await failure(run(chain('User', (u) => u.query())), 'E_LOCKED')
      assert.ok(error instanceof DatabaseError)
      assert.match(
        error.message,
        new RegExp(`^The query waited ${lockWaitMs} ms \\(\\w+, from the preview's time limit\\)`),
      )
      assert.match(
        error.message,
        new RegExp(`another connection holds.* on ${product} at [^:]+:\\d+: .*roll back`),
      )
    })
  })

  test(`${dialect}: a dry-run write waiting on a row lock says the same`, async () => {
    const lock = 'select * from users where id = 1 for update'
    await whileLocked(lock, async () => {
      const plan = chain('User', (u) => u.query().where('id', 1).update({ fullName: 'changed' }))
      const error = await failure(run(plan, { dryRun: true }), 'E_LOCKED')
      assert.match(error.message, /^The query waited \d+ ms .* for a lock that another connection holds/)
      if (dialect === 'pg') assert.match(error.message, /on the table "users"/)
    })
  })

  test(`${dialect}: a missing column whose name has a space is named whole`, async () => {
    const error = await failure(
      run(chain('User', (u) => u.query().where('full name', 'x'))),
      'E_NO_SUCH_COLUMN',
    )
    assert.ok(error instanceof DatabaseError)
    assert.equal(error.detail.column, 'full name')
    assert.match(error.message, /^The column "(users\.)?full name" does not exist/)
  })
}
