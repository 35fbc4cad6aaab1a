// Every process the demo and the CLI start ends quietly: a reader that closed the pipe
// (`lucid-lens check | head -1`) and a parent that went away are not errors, and never print a trace.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { copyBlogApp } from '../support/blog-app'
import { repoRoot } from '../support/paths'
import type { TempApp } from '../support/temp-app'

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js')

let app: TempApp
before(async () => {
  app = await copyBlogApp({ database: true })
})
after(() => app.remove())

interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  stdout: string
}

/** Runs a node script; with `closeStdout` the read end of its stdout is closed before it writes. */
async function run(args: string[], options: { closeStdout: boolean }): Promise<Ended> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  let stdout = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  if (options.closeStdout) child.stdout.destroy()
  else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null]
  return { code, signal, stderr, stdout }
}

for (const [name, args] of [
  ['check', () => [CLI, 'check', app.root]],
  ['graph', () => [CLI, 'graph', app.root]],
  ['preview', () => [CLI, 'preview', '--project', app.root, "User.query().preload('posts').limit(3)"]],
  ['usage', () => [CLI, 'nonsense']],
] as const) {
  test(`lucid-lens ${name} with its stdout closed by the reader ends without a trace`, async () => {
    const ended = await run(args(), { closeStdout: true })
    assert.equal(ended.stderr, '')
    assert.equal(ended.signal, null)
    assert.ok([0, 1, 2].includes(ended.code ?? -1), `exit code ${ended.code}`)
  })
}

test('lucid-lens preview exits with its result when its reader stays', async () => {
  const ended = await run([CLI, 'preview', '--project', app.root, "User.query().preload('posts').limit(3)"], {
    closeStdout: false,
  })
  assert.equal(ended.code, 0, ended.stderr)
  assert.equal(ended.stderr, '')
  assert.match(ended.stdout, /^select \* from .users. limit \?$/m)
})

test('the demo runs on a copy of the example app and ends without a trace', async () => {
  const copy = await copyBlogApp({ database: false })
  try {
    const ended = await run([path.join(repoRoot, 'scripts', 'demo.mjs'), copy.root], { closeStdout: false })
    const output = ended.stdout + ended.stderr
    assert.equal(ended.code, 0, output)
    assert.doesNotMatch(output, /EPIPE|Error:|\n\s+at /)
    assert.match(output, /LL201/)
    assert.equal((output.match(/== lucid-lens preview/g) ?? []).length, 3)
  } finally {
    copy.remove()
  }
})
