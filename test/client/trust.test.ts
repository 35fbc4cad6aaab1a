// In an untrusted workspace the server is told never to read the database; trusted, settings pass through.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { effectiveSettings } from '../../client/src/trust'
import { readSettings } from '../../server/src/settings'
import { repoRoot } from '../support/paths'

test('untrusted workspaces never enable the database, whatever the user set', () => {
  const userSettings = { database: { enable: true, schemaRefreshSeconds: 5 }, lucidVersion: 'v6' }
  assert.deepEqual(effectiveSettings(userSettings, true), userSettings)
  const untrusted = readSettings(effectiveSettings(userSettings, false))
  assert.equal(untrusted.database.enable, false)
  assert.equal(untrusted.database.schemaRefreshSeconds, 5)
  assert.equal(untrusted.lucidVersion, 'v6')
  for (const raw of [undefined, null, 'x', [], {}]) {
    assert.equal(readSettings(effectiveSettings(raw, false)).database.enable, false, JSON.stringify(raw))
  }
})

test('the manifest declares limited support for untrusted workspaces and restricts the database setting', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited')
  // Whatever says where to connect, or which executable runs the server, is ignored until trusted.
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations
  for (const key of ['enable', 'connection', 'file', 'host', 'port', 'user', 'database'])
    assert.ok(restricted.includes(`lucidLens.database.${key}`), key)
  assert.ok(restricted.includes('lucidLens.server.runtime'))
})
