// The bundled server, started the way any editor starts it: `node server/out/server.js --stdio`
// from an unrelated directory, with no node_modules next to it.
import assert from 'node:assert/strict'
import { fork, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { repoRoot } from '../support/paths'
import { createTempApp, POST_MODEL } from '../support/temp-app'

test('the bundled server answers over stdio and reports a finding', async (t) => {
  const bundle = path.join(repoRoot, 'server', 'out', 'server.js')
  assert.ok(fs.existsSync(bundle), 'run `npm run build` first')
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-cwd-'))
  const app = createTempApp({ 'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId') })
  const child = spawn(process.execPath, [bundle, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  t.after(() => {
    child.kill()
    app.remove()
    fs.rmSync(cwd, { recursive: true, force: true })
  })
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  connection.listen()
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToUri(app.root),
    capabilities: { textDocument: { diagnostic: {} } },
  })) as { capabilities: { diagnosticProvider?: { interFileDependencies: boolean } } }
  assert.equal(init.capabilities.diagnosticProvider?.interFileDependencies, true)
  await connection.sendNotification('initialized', {})
  const userFile = app.file('app/models/user.ts')
  const uri = pathToUri(userFile)
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(userFile, 'utf8') },
  })
  const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: Diagnostic[]
  }
  assert.deepEqual(
    report.items.map((d) => d.code),
    ['LL104'],
  )
  await connection.sendRequest('shutdown')
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  await connection.sendNotification('exit')
  assert.equal(await exited, 0)
  connection.dispose()
})

test('the bundled server also runs over node IPC, as vscode-languageclient starts it', async (t) => {
  const bundle = path.join(repoRoot, 'server', 'out', 'server.js')
  const app = createTempApp()
  const child = fork(bundle, ['--node-ipc'], { cwd: os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  t.after(() => {
    child.kill()
    app.remove()
  })
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
  connection.listen()
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToUri(app.root),
    capabilities: {},
  })
  await connection.sendNotification('initialized', {})
  const published = new Promise<{ uri: string; diagnostics: Diagnostic[] }>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', resolve),
  )
  const userFile = app.file('app/models/user.ts')
  const text = fs
    .readFileSync(userFile, 'utf8')
    .replace('@hasMany(() => Post)', "@hasMany(() => Post, { foreignKey: 'user_id' })")
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: pathToUri(userFile), languageId: 'typescript', version: 1, text },
  })
  const { diagnostics } = await published
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['LL103'],
  )
  await connection.sendRequest('shutdown')
  connection.dispose()
})
