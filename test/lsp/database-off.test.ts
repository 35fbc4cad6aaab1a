// Database access turned off in initializationOptions (what the VS Code client sends for an untrusted
// workspace) stays off whatever a client answers to workspace/configuration later (null, {}, partial
// objects, malformed values), until an answer turns it on explicitly. The app's .env points at a
// local TCP listener standing in for PostgreSQL: it must not see a connection before that.
import assert from 'node:assert/strict'
import * as net from 'node:net'
import * as path from 'node:path'
import { test } from 'node:test'
import { PREVIEW_REQUEST, REFRESH_SCHEMA_REQUEST, type PreviewAnswer } from '../../server/src/protocol'
import { initializationSettings, readSettings } from '../../server/src/settings'
import { createDriftApp } from '../analysis/drift-app'
import { LspHarness } from '../support/lsp-harness'

/** The code of a preview that did not run: an error, or the SQL alone when no database may be used. */
function refusal(answer: PreviewAnswer): string | undefined {
  return answer.kind === 'error' || answer.kind === 'sql' ? answer.code : undefined
}

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
        database: env.get('DB_DATABASE'),
      },
    },
  },
})
`

/** A TCP listener that records whether a connection was allowed when it arrived. */
async function listener(): Promise<{
  port: number
  allowed: { now: boolean }
  connected: Promise<boolean>
  close(): void
}> {
  const allowed = { now: false }
  let resolve: (allowedThen: boolean) => void = () => undefined
  const connected = new Promise<boolean>((r) => (resolve = r))
  const sockets: net.Socket[] = []
  const server = net.createServer((socket) => {
    sockets.push(socket)
    resolve(allowed.now)
    socket.destroy()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    allowed,
    connected,
    close: () => {
      for (const socket of sockets) socket.destroy()
      server.close()
    },
  }
}

const ANSWERS: [string, unknown][] = [
  ['null', null],
  ['{}', {}],
  ['{ database: {} }', { database: {} }],
  ['{ database: { host, port } }', { database: { host: '127.0.0.1', port: 1 } }],
  ['{ database: { enable: "true" } }', { database: { enable: 'true' } }],
  ['{ diagnostics: { enable: true } }', { diagnostics: { enable: true } }],
]

const INITIALIZATION: [string, unknown][] = [
  ['{ settings: { database: { enable: false } } }', { settings: { database: { enable: false } } }],
  ['{ database: { enable: false } }', { database: { enable: false } }],
]

test('settings are read over the initialization ones: only an explicit value changes a key', () => {
  for (const [, options] of INITIALIZATION) {
    const initial = initializationSettings(options)
    assert.equal(initial.database.enable, false)
    for (const [name, answer] of ANSWERS)
      assert.equal(readSettings(answer, initial).database.enable, false, name)
    assert.equal(readSettings({ database: { enable: true } }, initial).database.enable, true)
  }
  assert.equal(initializationSettings(undefined).database.enable, true)
  assert.equal(
    readSettings({ preview: { rowCap: 5 } }, readSettings({ preview: { timeoutMs: 500 } })).preview.timeoutMs,
    500,
  )
})

for (const [initName, initializationOptions] of INITIALIZATION) {
  test(`off in ${initName} stays off through answers ${ANSWERS.map((a) => a[0]).join(', ')}`, async (t) => {
    const pg = await listener()
    const app = createDriftApp()
    app.write('config/database.ts', PG_CONFIG)
    app.write('.env', `DB_HOST=127.0.0.1\nDB_PORT=${pg.port}\nDB_USER=postgres\nDB_DATABASE=test\n`)
    const [first] = ANSWERS[0] ?? []
    const lsp = await LspHarness.start({
      pull: true,
      rootPath: app.root,
      initializationOptions,
      settings: first,
    })
    t.after(async () => {
      await lsp.stop()
      pg.close()
      app.remove()
    })
    const uri = await lsp.open(path.join(app.root, 'app', 'models', 'post.ts'))
    const preview = (): Promise<PreviewAnswer> =>
      lsp.client.sendRequest(PREVIEW_REQUEST, { uri, expression: 'Post.query()' })
    for (const [name, answer] of ANSWERS) {
      lsp.setSettings(answer)
      // The server answers didChangeConfiguration by asking workspace/configuration: wait for that.
      const asked = new Promise<void>((resolve) =>
        lsp.client.onRequest('workspace/configuration', () => {
          resolve()
          return [answer]
        }),
      )
      await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: null })
      await asked
      await lsp.pull(uri)
      await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, {})
      const answered = await preview()
      // Refused, with the SQL Lucid would send and why nothing ran (a preview without a database).
      assert.equal(refusal(answered), 'E_DISABLED', `${name}: ${JSON.stringify(answered)}`)
    }
    // The control: an explicit `enable: true` does connect, so the listener would have seen one.
    pg.allowed.now = true
    lsp.client.onRequest('workspace/configuration', () => [{ database: { enable: true } }])
    await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: null })
    // The settings apply once the server has read them: retry until the preview is not refused.
    for (let answer = await preview(); refusal(answer) === 'E_DISABLED';) {
      await lsp.pull(uri)
      answer = await preview()
    }
    assert.equal(await pg.connected, true, 'the first connection came only after enable: true')
  })
}
