// Every fixture app is analysed; each finding must match a marker in the source and vice versa,
// so planted mistakes prove detection and every unmarked line proves the absence of false positives.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { compareWithMarkers } from '../support/compare-markers'
import { fixture, repoRoot } from '../support/paths'
import { copyFixture } from '../support/temp-app'

const apps = fs.readdirSync(fixture()).filter((name) => fs.statSync(fixture(name)).isDirectory())

for (const app of apps) {
  test(`fixture ${app} (no node_modules): findings match the expect markers exactly`, (t) => {
    const copy = copyFixture(app)
    t.after(() => copy.remove())
    const { missing, unexpected, expectedCount } = compareWithMarkers(copy.root)
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
    assert.ok(expectedCount > 0, 'a fixture app without planted findings proves nothing')
  })
}

test('fixture v6-app with the real @adonisjs/lucid installed gives the same findings', (t) => {
  const copy = copyFixture('v6-app', { nodeModules: true })
  t.after(() => copy.remove())
  assert.ok(fs.existsSync(path.join(copy.root, 'node_modules/@adonisjs/lucid/build/src/orm/main.d.ts')))
  const { missing, unexpected } = compareWithMarkers(copy.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})

test('fixture v7-app with the real @adonisjs/lucid 22 installed gives the same findings', (t) => {
  // The Lucid 22 install of the differential tier (scripts/ensure-lucid22.mjs, run by npm test).
  const lucid22 = process.env.LUCID_LENS_LUCID22 || path.join(repoRoot, '.lucid22')
  const copy = copyFixture('v7-app')
  t.after(() => copy.remove())
  fs.symlinkSync(path.join(lucid22, 'node_modules'), path.join(copy.root, 'node_modules'), 'dir')
  assert.ok(fs.existsSync(path.join(copy.root, 'node_modules/@adonisjs/lucid/build/src/orm/main.d.ts')))
  const { missing, unexpected } = compareWithMarkers(copy.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})
