// A SQLite preview process ends with its parent: quietly when the parent closes the channel before
// the process could say it is ready, and, when the parent exits, even if it is stuck in a long step.
import assert from 'node:assert/strict'
import { fork, spawn } from 'node:child_process'
import { once } from 'node:events'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { finished } from 'node:stream/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { test } from 'node:test'
import { repoRoot } from '../support/paths'

const WORKER = path.join(repoRoot, 'server', 'out', 'preview-worker.js')
const CHILD_REAPER = path.join(repoRoot, 'build', 'server', 'src', 'preview', 'child-reaper.js')

test('a preview process whose parent left before it was ready exits 0 without a word', async () => {
  const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.disconnect()
  // 'close' never comes for a channel closed this early (Node counts it open): wait on each part.
  const [exit] = await Promise.all([
    once(child, 'exit'),
    child.stdout && finished(child.stdout),
    child.stderr && finished(child.stderr),
  ])
  const [code, signal] = exit as [number | null, NodeJS.Signals | null]
  assert.equal(output, '')
  assert.deepEqual([code, signal], [0, null])
})

/** Alive means a process table entry that is not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}

test('a parent that exits kills its preview process, even one stuck in a synchronous step', async () => {
  // parent -> child: the child blocks its event loop for good; the parent registers it and exits.
  const childCode = `process.send('blocked', () => { for (;;) {} })`
  const parentCode = `const { spawn } = require('node:child_process')
    const { killOnExit } = require(${JSON.stringify(CHILD_REAPER)})
    const child = spawn(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    killOnExit(child)
    child.on('message', () => { console.log(child.pid); process.exit(0) })`
  const parent = spawn(process.execPath, ['-e', parentCode], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const [code] = (await once(parent, 'close')) as [number | null]
  assert.equal(code, 0)
  const pid = Number(out.trim())
  assert.ok(pid > 0, `the parent printed the child's pid: ${JSON.stringify(out)}`)
  // No event tells a non-child's end: poll the process table, for at most 10 s.
  const deadline = Date.now() + 10_000
  while (alive(pid) && Date.now() < deadline) await delay(50)
  const stillAlive = alive(pid)
  if (stillAlive) process.kill(pid, 'SIGKILL')
  assert.equal(stillAlive, false, 'the blocked process is gone')
})
