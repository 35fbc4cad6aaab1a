// The live schema from a PostgreSQL development database in the editor: found through
// config/database.ts and .env, read in the background, re-read on the refresh interval (no file
// event exists for a server), and a server that cannot be reached falls back to the migrations
// with a single log line however often it is tried. Push diagnostics follow the same schema.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Diagnostic } from 'vscode-languageserver/node'
import { REFRESH_SCHEMA_REQUEST, type RefreshSchemaResult } from '../../server/src/protocol'
import { createDriftApp, loadDrift } from '../analysis/drift-app'
import { createServerDatabase } from '../engine/support/server-db'
import { codesOf, LspHarness } from '../support/lsp-harness'

const PG_CONFIG = `import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

export default defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
    },
  },
})
`

function pgApp(settings: { host: string; port?: number; user: string; password?: string; database: string }) {
  const app = createDriftApp()
  app.write('config/database.ts', PG_CONFIG)
  app.write(
    '.env',
    `DB_HOST=${settings.host}\nDB_PORT=${settings.port ?? 5432}\nDB_USER=${settings.user}\n` +
      `DB_PASSWORD=${settings.password ?? ''}\nDB_DATABASE=${settings.database}\n`,
  )
  return app
}

/** A step that waits for an event that never comes fails instead of hanging. */
const LIMIT = { timeout: 30_000 }

function nextRefresh(lsp: LspHarness): Promise<void> {
  return new Promise((resolve) =>
    lsp.client.onRequest('workspace/diagnostic/refresh', () => {
      resolve()
      return null
    }),
  )
}

async function pullUntil(
  lsp: LspHarness,
  uri: string,
  until: (d: Diagnostic[]) => boolean,
): Promise<Diagnostic[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const refreshed = nextRefresh(lsp)
    const diagnostics = await lsp.pull(uri)
    if (until(diagnostics)) return diagnostics
    await refreshed
  }
  throw new Error(`diagnostics of ${uri} never satisfied the condition`)
}

test(
  'a PostgreSQL dev database is read in the background and again on the refresh interval',
  LIMIT,
  async (t) => {
    const database = await createServerDatabase('pg', loadDrift)
    const app = pgApp(database.settings)
    const lsp = await LspHarness.start({
      pull: true,
      rootPath: app.root,
      settings: { database: { schemaRefreshSeconds: 5 } },
    })
    t.after(async () => {
      await lsp.stop()
      app.remove()
      await database.drop()
    })
    const post = await lsp.open(app.file('app/models/post.ts'))
    const found = await pullUntil(lsp, post, (d) => codesOf(d).includes('LL406'))
    assert.deepEqual(codesOf(found), ['LL403', 'LL406'])
    const { host, port, database: name } = database.settings
    for (const d of found)
      assert.ok(String(d.message).includes(`according to the database (postgres ${host}:${port}/${name})`))
    await database.knex.raw('alter table posts add column summary text')
    // No event, no request: only the interval can notice (within 5 s).
    assert.deepEqual(codesOf(await pullUntil(lsp, post, (d) => !codesOf(d).includes('LL406'))), ['LL403'])
  },
)

test('an unreachable server: migrations, and one log line however often it is tried', LIMIT, async (t) => {
  const app = pgApp({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'blog' })
  const lsp = await LspHarness.start({ pull: false, rootPath: app.root, settings: {} })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(app.file('app/models/post.ts'))
  const published = await lsp.nextPublish(uri)
  assert.deepEqual(codesOf(published.diagnostics), ['LL405'])
  for (let i = 0; i < 3; i++) {
    const result: RefreshSchemaResult = await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, {})
    assert.equal(result.apps[0]?.source, 'migrations')
    assert.equal(result.apps[0]?.label, 'postgres 127.0.0.1:1/blog')
    assert.match(
      result.apps[0]?.problem ?? '',
      /Cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/,
    )
  }
  const lines = lsp.logs.filter((l) => l.includes('cannot read the database'))
  assert.deepEqual(lines, [
    `Lucid Lens: ${app.root}: cannot read the database (postgres 127.0.0.1:1/blog): Cannot connect to PostgreSQL ` +
      `at 127.0.0.1:1: connection refused. Is the server running on that host and port? ` +
      `Schema checks use database/migrations instead.`,
  ])
})

test('push diagnostics switch to the database schema once it is read', LIMIT, async (t) => {
  const database = await createServerDatabase('pg', loadDrift)
  const app = pgApp(database.settings)
  const lsp = await LspHarness.start({ pull: false, rootPath: app.root, settings: {} })
  t.after(async () => {
    await lsp.stop()
    app.remove()
    await database.drop()
  })
  const uri = await lsp.open(app.file('app/models/user.ts'))
  const published = await lsp.nextPublish(uri, (p) => codesOf(p.diagnostics).includes('LL403'))
  assert.deepEqual(codesOf(published.diagnostics), ['LL402', 'LL403'])
})
