// Which Node.js runs the server: the setting, else `node` on the PATH, else the editor's runtime
// with a warning. The probes run real executables.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import {
  chooseRuntime,
  findOnPath,
  probeNode,
  resolveRuntime,
  versionAtLeast,
} from '../../client/src/server-runtime'

const good = (executable: string) => ({ executable, version: 'v22.3.0' })

test('the setting wins when it runs a recent enough Node.js', () => {
  const choice = chooseRuntime({ setting: good('/opt/node/bin/node'), onPath: good('/usr/bin/node') })
  assert.deepEqual(choice, { runtime: '/opt/node/bin/node', source: 'setting', warnings: [] })
})

test('a setting that does not run falls back to the PATH, and says why', () => {
  const choice = chooseRuntime({
    setting: { executable: '/nope/node', error: 'spawn /nope/node ENOENT' },
    onPath: good('/usr/bin/node'),
  })
  assert.equal(choice.runtime, '/usr/bin/node')
  assert.equal(choice.source, 'path')
  assert.deepEqual(choice.warnings, [
    'lucidLens.server.runtime "/nope/node" cannot run the server: spawn /nope/node ENOENT.',
  ])
})

test('an old Node.js is passed over; nothing usable means the editor runtime with a warning', () => {
  const choice = chooseRuntime({ onPath: { executable: '/usr/bin/node', version: 'v18.19.0' } })
  assert.equal(choice.runtime, undefined)
  assert.equal(choice.source, 'editor')
  assert.match(choice.warnings[0] ?? '', /it is Node\.js v18\.19\.0, older than 20\.19/)
  assert.match(choice.warnings[1] ?? '', /SQLite previews .* may fail/)
  const none = chooseRuntime({})
  assert.equal(none.source, 'editor')
  assert.match(none.warnings[0] ?? '', /No "node" executable was found on the PATH/)
})

test('versions compare on major and minor', () => {
  assert.equal(versionAtLeast('v20.19.0', [20, 19]), true)
  assert.equal(versionAtLeast('v20.18.3', [20, 19]), false)
  assert.equal(versionAtLeast('v21.0.0', [20, 19]), true)
  assert.equal(versionAtLeast('v24.1.0\n', [20, 19]), true)
  assert.equal(versionAtLeast('garbage', [20, 19]), false)
})

test('findOnPath finds executables only, in PATH order', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-runtime-'))
  try {
    const [first, second] = ['a', 'b'].map((name) => path.join(root, name))
    fs.mkdirSync(first as string)
    fs.mkdirSync(second as string)
    fs.writeFileSync(path.join(first as string, 'node'), 'not executable', { mode: 0o644 })
    fs.writeFileSync(path.join(second as string, 'node'), '#!/bin/sh\n', { mode: 0o755 })
    const env = { PATH: [path.join(root, 'missing'), first, second].join(path.delimiter) }
    if (process.platform !== 'win32')
      assert.equal(findOnPath('node', env), path.join(second as string, 'node'))
    assert.equal(findOnPath('node', { PATH: '' }), undefined)
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
})

test('probing runs the executable: this Node.js works, a missing one says why', async () => {
  const self = await probeNode(process.execPath)
  assert.equal(self.version, process.version)
  const missing = await probeNode(path.join(os.tmpdir(), 'no-such-node-here'))
  assert.equal(missing.version, undefined)
  assert.match(missing.error ?? '', /ENOENT/)
  const chosen = await resolveRuntime(process.execPath, {})
  assert.deepEqual(chosen, { runtime: process.execPath, source: 'setting', warnings: [] })
  const fromPath = await resolveRuntime('', { PATH: path.dirname(process.execPath) })
  assert.equal(fromPath.source, 'path')
})
