// Every fixture app is analysed; each finding must match a marker in the source and vice versa,
// so planted mistakes prove detection and every unmarked line proves the absence of false positives.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { compareWithMarkers } from '../support/compare-markers'
import { fixture, repoRoot } from '../support/paths'

const apps = fs.readdirSync(fixture()).filter((name) => fs.statSync(fixture(name)).isDirectory())

for (const app of apps) {
  test(`fixture ${app}: findings match the expect markers exactly`, () => {
    const { missing, unexpected, expectedCount } = compareWithMarkers(fixture(app))
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
    assert.ok(expectedCount > 0, 'a fixture app without planted findings proves nothing')
  })
}

test('fixture v6-app with the real @adonisjs/lucid installed gives the same findings', (t) => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-nm-'))
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }))
  fs.cpSync(fixture('v6-app'), copy, { recursive: true })
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
  assert.ok(
    fs.existsSync(path.join(copy, 'node_modules/@adonisjs/lucid/build/src/orm/main.d.ts')),
    'lucid is installed',
  )
  const { missing, unexpected } = compareWithMarkers(copy)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})
