// The bundled server ends quietly when its client goes away, whichever way it goes: output closed,
// input closed, or the IPC channel gone. No trace on stderr in any case.
import assert from 'node:assert/strict'
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import * as path from 'node:path'
import { finished } from 'node:stream/promises'
import { test } from 'node:test'
import { repoRoot } from '../support/paths'

const SERVER = path.join(repoRoot, 'server', 'out', 'server.js')

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message })
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
}

const INITIALIZE = frame({
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
})

/** The exit code and signal once the process and its output streams have ended. */
async function ended(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  const [exit] = await Promise.all([
    once(child, 'exit'),
    child.stdout && finished(child.stdout).catch(() => undefined),
    child.stderr && finished(child.stderr),
  ])
  return exit as [number | null, NodeJS.Signals | null]
}

function collectStderr(child: ChildProcess): () => string {
  let text = ''
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return () => text
}

test('over stdio, a client that closed the server output ends it with exit code 0', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
  const stderr = collectStderr(child)
  child.stdout.destroy()
  child.stdin.write(INITIALIZE)
  assert.deepEqual(await ended(child), [0, null])
  assert.equal(stderr(), '')
})

test('over stdio, a client that closed the server input ends it without a trace', async () => {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
  const stderr = collectStderr(child)
  child.stdout.resume()
  child.stdin.end(INITIALIZE)
  const [, signal] = await ended(child)
  assert.equal(signal, null)
  assert.equal(stderr(), '')
})

test('over IPC, a parent that disconnects ends the server without a trace', async () => {
  const child = fork(SERVER, ['--node-ipc'], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
  const stderr = collectStderr(child)
  child.stdout?.resume()
  child.disconnect()
  const [code, signal] = await ended(child)
  assert.deepEqual([code, signal], [0, null])
  assert.equal(stderr(), '')
})
