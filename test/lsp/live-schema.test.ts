// The live development database as the editor's schema source, over JSON-RPC: the drift-app's SQLite
// database decides the schema findings once read, a changed database file is re-read on its
// watched-file event, `lucidLens/refreshSchema` re-reads on demand, and a database that disappears
// falls back to the migrations with one log line. Nothing sleeps: each step waits for the server's
// diagnostics refresh request or the request's answer.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import type { Diagnostic } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { REFRESH_SCHEMA_REQUEST, type RefreshSchemaResult } from '../../server/src/protocol'
import { createDriftApp, driftStatements } from '../analysis/drift-app'
import { codesOf, LspHarness } from '../support/lsp-harness'
import type { TempApp } from '../support/temp-app'

let app: TempApp & { db: string }
let lsp: LspHarness
const uris: Record<string, string> = {}

before(async () => {
  app = createDriftApp()
  lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings: {} })
  for (const model of ['user', 'post', 'tag'])
    uris[model] = await lsp.open(app.file(`app/models/${model}.ts`))
})
after(async () => {
  await lsp.stop()
  app.remove()
})

function nextRefresh(): Promise<void> {
  return new Promise((resolve) =>
    lsp.client.onRequest('workspace/diagnostic/refresh', () => {
      resolve()
      return null
    }),
  )
}

/** Pulls until `until` holds, waiting for the server's refresh request in between (at most 5 times). */
async function pullUntil(uri: string, until: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const refreshed = nextRefresh()
    const diagnostics = await lsp.pull(uri)
    if (until(diagnostics)) return diagnostics
    await refreshed
  }
  throw new Error(`diagnostics of ${uri} never satisfied the condition`)
}

/** A step that waits for an event that never comes fails instead of hanging. */
const LIMIT = { timeout: 20_000 }
const has = (code: string) => (d: Diagnostic[]) => codesOf(d).includes(code)
const dbUri = () => pathToUri(app.db)

function writeDatabase(sql: string): void {
  const db = new Database(app.db)
  db.exec(sql)
  db.close()
}

async function fileEvent(type: 1 | 2 | 3): Promise<void> {
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: dbUri(), type }] })
}

test('once read, the database decides the findings and the messages name it', LIMIT, async () => {
  const user = await pullUntil(uris['user'] as string, has('LL403'))
  assert.deepEqual(codesOf(user), ['LL402', 'LL403'])
  for (const d of user)
    assert.match(String(d.message), /according to the database \(sqlite tmp\/db\.sqlite3\)/)
  assert.deepEqual(codesOf(await lsp.pull(uris['post'] as string)), ['LL403', 'LL406'])
  assert.ok(
    lsp.logs.some((l) => l.endsWith('schema checks use the database (sqlite tmp/db.sqlite3, 3 tables).')),
  )
})

test('a changed database file is re-read on its watched-file event, not before', LIMIT, async () => {
  await pullUntil(uris['post'] as string, has('LL406'))
  writeDatabase('alter table posts add column summary text')
  assert.deepEqual(codesOf(await lsp.pull(uris['post'] as string)), ['LL403', 'LL406'], 'no event yet')
  await fileEvent(2)
  assert.deepEqual(codesOf(await pullUntil(uris['post'] as string, (d) => !has('LL406')(d))), ['LL403'])
  // A data write leaves the schema as it was: the report stays unchanged.
  const first = (await lsp.client.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: uris['post'] },
  })) as { resultId: string }
  writeDatabase(`insert into users (email) values ('a@example.com')`)
  await fileEvent(2)
  const second = (await lsp.client.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: uris['post'] },
    previousResultId: first.resultId,
  })) as { kind: string }
  assert.equal(second.kind, 'unchanged')
})

test('lucidLens/refreshSchema re-reads the database and answers what each app uses', LIMIT, async () => {
  await pullUntil(uris['tag'] as string, has('LL401'))
  writeDatabase('create table tags (id integer primary key, name varchar(255) not null)')
  assert.deepEqual(codesOf(await lsp.pull(uris['tag'] as string)), ['LL401'], 'no event: not seen yet')
  const result: RefreshSchemaResult = await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, {})
  assert.deepEqual(result.apps, [
    { root: app.root, source: 'database', label: 'sqlite tmp/db.sqlite3', tables: 4 },
  ])
  assert.deepEqual(await lsp.pull(uris['tag'] as string), [])
})

test('a database that disappears falls back to the migrations, logged once', LIMIT, async () => {
  fs.rmSync(app.db)
  await fileEvent(3)
  const post = await pullUntil(uris['post'] as string, has('LL405'))
  assert.deepEqual(codesOf(post), ['LL405'])
  assert.match(String(post[0]?.message), /according to database\/migrations/)
  await fileEvent(3)
  const result: RefreshSchemaResult = await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, {})
  assert.equal(result.apps[0]?.source, 'migrations')
  assert.match(result.apps[0]?.problem ?? '', /The SQLite database tmp\/db\.sqlite3 does not exist yet/)
  const lines = lsp.logs.filter((l) => l.includes('does not exist yet'))
  assert.equal(lines.length, 1, lines.join('\n'))
  assert.match(lines[0] ?? '', /Schema checks use database\/migrations instead\.$/)
  // Created again (node ace migration:run): read again on the event.
  const db = new Database(app.db)
  for (const statement of driftStatements()) db.exec(statement)
  db.close()
  await fileEvent(1)
  assert.deepEqual(codesOf(await pullUntil(uris['user'] as string, has('LL403'))), ['LL402', 'LL403'])
})

test('lucidLens.database.enable = false keeps the migrations as the schema', LIMIT, async () => {
  await pullUntil(uris['post'] as string, has('LL406'))
  const refreshed = nextRefresh()
  lsp.options.settings = { database: { enable: false } }
  await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} })
  await refreshed
  assert.deepEqual(codesOf(await lsp.pull(uris['post'] as string)), ['LL405'])
  const result: RefreshSchemaResult = await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, {})
  assert.deepEqual(result.apps, [
    { root: app.root, source: 'migrations', tables: 4, problem: 'lucidLens.database.enable is off' },
  ])
})
