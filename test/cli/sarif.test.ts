// `lucid-lens check --format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts: the
// version and schema, one rule per finding code with help text, results that name a known rule and
// point at a file relative to the checked folder with 1-based regions.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { ALL_CODES } from '../../server/src/analysis/codes'
import { run } from '../../server/src/cli/main'
import { copyFixture } from '../support/temp-app'

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string }
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number }
    }
  }[]
}

function capture(argv: string[]): { code: number; out: string } {
  let out = ''
  const code = run(argv, (text) => (out += text + '\n'), false)
  return { code, out }
}

test('--format sarif is a SARIF 2.1.0 log with a rule per code and a located result per finding', (t) => {
  const app = copyFixture('v6-app')
  t.after(() => app.remove())
  const json = JSON.parse(capture(['check', app.root, '--format', 'json']).out)
  const { code, out } = capture(['check', app.root, '--format', 'sarif'])
  assert.equal(code, 1)
  const log = JSON.parse(out)
  assert.equal(log.version, '2.1.0')
  assert.match(log.$schema, /sarif-2\.1\.0/)
  assert.equal(log.runs.length, 1)
  const [run0] = log.runs
  assert.equal(run0.tool.driver.name, 'lucid-lens')

  const rules = run0.tool.driver.rules as {
    id: string
    name: string
    shortDescription: { text: string }
    help: { text: string; markdown: string }
    defaultConfiguration: { level: string }
  }[]
  assert.deepEqual(
    rules.map((r) => r.id),
    ALL_CODES.map((c) => c.code),
  )
  for (const rule of rules) {
    assert.match(rule.name, /^[A-Z][A-Za-z]+$/, rule.id)
    assert.ok(rule.shortDescription.text.length > 10, rule.id)
    // The help says what to do, beyond repeating the title.
    assert.ok(rule.help.text.length > 30 && rule.help.text !== rule.shortDescription.text, rule.id)
    assert.ok(rule.help.markdown.includes(rule.help.text), rule.id)
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id)
  }
  assert.equal(rules.find((r) => r.id === 'LL405')?.defaultConfiguration.level, 'note')

  const results = run0.results as SarifResult[]
  assert.equal(results.length, json.findings.length)
  assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, `file://${app.root}/`)
  results.forEach((result, i) => {
    const finding = json.findings[i]
    assert.equal(rules[result.ruleIndex]?.id, result.ruleId)
    assert.equal(result.ruleId, finding.code)
    assert.equal(result.level, finding.severity === 'error' ? 'error' : finding.severity)
    assert.equal(result.message.text, finding.message)
    assert.equal(result.locations.length, 1)
    const { artifactLocation, region } = result.locations[0]!.physicalLocation
    assert.equal(artifactLocation.uriBaseId, '%SRCROOT%')
    assert.equal(artifactLocation.uri, finding.file)
    assert.ok(fs.existsSync(path.join(app.root, artifactLocation.uri)), artifactLocation.uri)
    assert.deepEqual(
      [region.startLine, region.startColumn, region.endLine, region.endColumn],
      [finding.line, finding.column, finding.endLine, finding.endColumn],
    )
  })
  const first = results.find((r) => r.ruleId === 'LL101')
  assert.equal(first?.locations[0]?.physicalLocation.artifactLocation.uri, 'app/models/user.ts')
})

test('--format accepts text, json and sarif only', () => {
  const { code, out } = capture(['check', '--format', 'xml'])
  assert.equal(code, 2)
  assert.match(out, /--format must be text, json or sarif, not "xml"/)
})
