import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { repoRoot } from '../support/paths'

const casesDir = path.join(repoRoot, 'test', 'grammar', 'cases')
const caseFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.ts.txt'))
  .map((name) => path.join(casesDir, name))

// The assertion lines of the case files and the source lines they check. Pinned so that cases the
// tool silently stopped reading (a renamed folder, a header it no longer accepts) fail here.
const ASSERTIONS = 111
const ASSERTED_LINES = 42
const assertionLine = /^\/\/\s*(\^+|<[-~]+)/

/** The tool's xunit report has one test per source line that carries assertions. */
function countAssertions(file: string): { assertions: number; assertedLines: number } {
  const lines = readFileSync(file, 'utf8').split('\n')
  const assertions = lines.filter((line) => assertionLine.test(line)).length
  const assertedLines = lines.filter(
    (line, i) => !assertionLine.test(line) && assertionLine.test(lines[i + 1] ?? ''),
  ).length
  return { assertions, assertedLines }
}

function runTool(cases: string[], reportDir: string): { status: number | null; output: string } {
  const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js')
  // The injection comes from package.json's contributes.grammars (the tool's default --config), so
  // the manifest entry itself is under test; TypeScript's grammar is the one VS Code ships.
  const typescript = require.resolve('tm-grammars/grammars/typescript.json')
  const result = spawnSync(
    process.execPath,
    [cli, '--compact', '-g', typescript, '--xunit-report', reportDir, ...cases],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

function reportTotals(reportDir: string): { tests: number; failures: number } {
  let tests = 0
  let failures = 0
  for (const file of readdirSync(reportDir)) {
    const xml = readFileSync(path.join(reportDir, file), 'utf8')
    const suite = /<testsuite[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"[^>]*\berrors="(\d+)"/.exec(xml)
    assert.ok(suite, `no testsuite in ${file}`)
    tests += Number(suite[1])
    failures += Number(suite[2]) + Number(suite[3])
  }
  return { tests, failures }
}

test('the Lucid injection grammar passes every assertion of the case files', () => {
  const counts = caseFiles.map(countAssertions)
  assert.deepEqual(
    {
      assertions: counts.reduce((n, c) => n + c.assertions, 0),
      assertedLines: counts.reduce((n, c) => n + c.assertedLines, 0),
    },
    { assertions: ASSERTIONS, assertedLines: ASSERTED_LINES },
  )
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lucid-grammar-'))
  try {
    const { status, output } = runTool(caseFiles, reportDir)
    assert.equal(status, 0, output)
    assert.equal(readdirSync(reportDir).length, caseFiles.length)
    assert.deepEqual(reportTotals(reportDir), { tests: ASSERTED_LINES, failures: 0 })
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
})

test('a wrong scope assertion makes the tool fail', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lucid-grammar-'))
  try {
    const file = path.join(dir, 'wrong.ts.txt')
    writeFileSync(
      file,
      [
        '// SYNTAX TEST "source.ts" "a deliberate mistake"',
        "const x = { foreignKey: 'userId' }",
        '//          ^^^^^^^^^^ support.type.property-name.lucid-relation-option.ts',
        '',
      ].join('\n'),
    )
    const { status, output } = runTool([file], path.join(dir, 'report'))
    assert.notEqual(status, 0, output)
    assert.match(
      output,
      /Missing required scopes: \[ support\.type\.property-name\.lucid-relation-option\.ts \]/,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
