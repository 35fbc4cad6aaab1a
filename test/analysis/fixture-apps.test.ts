// Every fixture app is analysed; each finding must match a marker in the source and vice versa.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { test } from 'node:test'
import ts from 'typescript'
import { analyzeFolder, describe } from '../support/analyze-fixture'
import { readMarkers } from '../support/markers'
import { fixture } from '../support/paths'

const apps = fs
  .readdirSync(fixture())
  .filter((name) => fs.statSync(fixture(name)).isDirectory())

for (const app of apps) {
  test(`fixture ${app}: findings match the expect markers exactly`, () => {
    const folder = fixture(app)
    const actual: string[] = []
    const expected: string[] = []
    for (const file of analyzeFolder(folder)) {
      const lines = ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest)
      for (const f of file.findings) {
        const line = lines.getLineAndCharacterOfPosition(f.start).line + 1
        actual.push(`${describe(folder, file.fileName, line, f.code)}  (${f.message})`)
      }
      for (const m of readMarkers(file.text)) expected.push(describe(folder, file.fileName, m.line, m.code))
    }
    const strip = (s: string) => s.replace(/ {2}\(.*$/s, '')
    const missing = expected.filter((e) => !actual.some((a) => strip(a) === e))
    const unexpected = actual.filter((a) => !expected.includes(strip(a)))
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
    assert.ok(expected.length > 0, 'a fixture app without planted findings proves nothing')
  })
}
