// Schema findings over JSON-RPC: their own diagnostic source, refreshed when a migration changes,
// and switched off (all or by code) through the settings at runtime.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { after, before, test } from 'node:test'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { copyFixture, type TempApp } from '../support/temp-app'

let app: TempApp
let lsp: LspHarness
let user: string

const COMMENTS = 'database/migrations/1700000000006_create_comments_table.ts'

before(async () => {
  app = copyFixture('schema-app')
  lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings: {} })
  user = await lsp.open(app.file('app/models/user.ts'))
})
after(async () => {
  await lsp.stop()
  app.remove()
})

/** Changes the settings the client answers with and waits until the server asked for a refresh. */
async function changeSettings(settings: unknown): Promise<void> {
  const refreshed = new Promise<void>((resolve) =>
    lsp.client.onRequest('workspace/diagnostic/refresh', () => {
      resolve()
      return null
    }),
  )
  lsp.options.settings = settings
  await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} })
  await refreshed
}

test('schema findings carry their own source and name the schema they come from', async () => {
  const diagnostics = await lsp.pull(user)
  assert.deepEqual(codesOf(diagnostics), ['LL403', 'LL404', 'LL405'])
  assert.ok(diagnostics.every((d) => d.source === 'lucid-lens (schema)'))
  assert.ok(diagnostics.every((d) => String(d.message).includes('according to database/migrations')))
  const hint = diagnostics.find((d) => d.code === 'LL405')
  assert.equal(hint?.severity, 4)
  assert.deepEqual(hint?.range, { start: { line: 34, character: 40 }, end: { line: 34, character: 50 } })
})

test('editing a migration updates the diagnostics of the models', async () => {
  const migration = await lsp.open(app.file(COMMENTS))
  const text = fs.readFileSync(app.file(COMMENTS), 'utf8')
  const indexed = text.replace(
    ".references('id').inTable('users')\n",
    ".references('id').inTable('users').index()\n",
  )
  assert.notEqual(indexed, text)
  await lsp.replace(migration, indexed)
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL403', 'LL404'])
  assert.deepEqual(await lsp.pull(migration), [], 'a migration itself has no findings')
  await lsp.replace(migration, text)
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL403', 'LL404', 'LL405'])
})

test('settings turn single schema codes or all schema checks off without a restart', async () => {
  const before = await lsp.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: user } })
  await changeSettings({ schemaChecks: { disabled: ['ll404'] } })
  const after = await lsp.client.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: user },
    previousResultId: (before as { resultId: string }).resultId,
  })
  assert.equal((after as { kind: string }).kind, 'full', 'a settings change is not an unchanged report')
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL403', 'LL405'])
  await changeSettings({ schemaChecks: { enable: false } })
  assert.deepEqual(await lsp.pull(user), [])
  await changeSettings({})
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL403', 'LL404', 'LL405'])
})
