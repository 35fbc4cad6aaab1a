// A SQLite preview process ends with its parent: quietly when the parent closes the channel before
// the process could say it is ready, and even when its main thread is stuck in a long step.
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
const PARENT_WATCH = path.join(repoRoot, 'build', 'server', 'src', 'preview', 'parent-watch.js')

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

test('a process stuck in a synchronous step stops when its parent is killed', async () => {
  // parent -> child: the child watches its parent, then blocks its event loop for good.
  const childCode = `require(${JSON.stringify(PARENT_WATCH)}).exitWithParent();
      process.send('blocked', () => { for (;;) {} })`
  const parentCode = `const { spawn } = require('node:child_process')
      const child = spawn(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
      child.on('message', () => { console.log(child.pid); process.kill(process.pid, 'SIGKILL') })`
  const parent = spawn(process.execPath, ['-e', parentCode], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await once(parent, 'close')
  const pid = Number(out.trim())
  assert.ok(pid > 0, `the parent printed the child's pid: ${JSON.stringify(out)}`)
  // No event tells a non-child's end: poll the process table, for at most 10 s.
  const deadline = Date.now() + 10_000
  while (alive(pid) && Date.now() < deadline) await delay(50)
  const stillAlive = alive(pid)
  if (stillAlive) process.kill(pid, 'SIGKILL')
  assert.equal(stillAlive, false, 'the orphaned process is gone')
})
