// Compares the analysis of a folder with the expect markers in its files, both ways.
import assert from 'node:assert/strict'
import ts from 'typescript'
import { analyzeFolder, describe } from './analyze-fixture'
import { readMarkers } from './markers'
import { createTempApp } from './temp-app'

export interface MarkerComparison {
  missing: string[]
  unexpected: string[]
  expectedCount: number
}

export function compareWithMarkers(folder: string): MarkerComparison {
  const actual: { key: string; message: string }[] = []
  const expected: string[] = []
  for (const file of analyzeFolder(folder)) {
    const lines = ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest)
    for (const f of file.findings) {
      const line = lines.getLineAndCharacterOfPosition(f.start).line + 1
      actual.push({ key: describe(folder, file.fileName, line, f.code), message: f.message })
    }
    for (const m of readMarkers(file.text)) expected.push(describe(folder, file.fileName, m.line, m.code))
  }
  return {
    missing: expected.filter((e) => !actual.some((a) => a.key === e)),
    unexpected: actual.filter((a) => !expected.includes(a.key)).map((a) => `${a.key}  (${a.message})`),
    expectedCount: expected.length,
  }
}

/** Writes a temp app of `files` and asserts its findings are exactly its markers, `count` of them. */
export function assertAppMatchesMarkers(files: Record<string, string>, count: number): void {
  const app = createTempApp(files)
  try {
    const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
    assert.equal(expectedCount, count)
  } finally {
    app.remove()
  }
}
