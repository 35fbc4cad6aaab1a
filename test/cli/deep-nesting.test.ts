// The bundled CLI on an app with a file nested deeper than TypeScript can parse: one line on stderr
// naming the file, never a stack trace, and the rest of the app checked and graphed as before.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../support/paths'

test('check and graph name the unreadable file in one line and go on', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-deep-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), dir, { recursive: true })
  const cli = path.join(repoRoot, 'server', 'out', 'cli.js')
  const before = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8' })
  const deep = path.join(dir, 'app', 'models', 'deep.ts')
  fs.writeFileSync(deep, `export const deep = ${'('.repeat(2000)}1${')'.repeat(2000)}\n`)
  const after = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8' })
  assert.equal(after.status, before.status)
  assert.equal(after.stdout, before.stdout)
  assert.equal(
    after.stderr,
    `lucid-lens: ${deep} could not be analysed: its brackets nest 2000 levels deep at line 1 (Lucid Lens reads files nested up to 256 levels)\n`,
  )
  const graph = spawnSync(process.execPath, [cli, 'graph', dir, '--format', 'json'], { encoding: 'utf8' })
  assert.equal(graph.status, 0, graph.stderr)
  assert.equal(JSON.parse(graph.stdout).apps[0].models.length, 6)
  assert.equal(graph.stderr.split('\n').filter(Boolean).length, 1)
})
