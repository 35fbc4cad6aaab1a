// `lucid-lens check`: exit codes, the tsc-like text and the JSON shape.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { run } from '../../server/src/cli/main'
import { copyFixture, createTempApp } from '../support/temp-app'

function capture(argv: string[]): { code: number; out: string } {
  let out = ''
  const code = run(argv, (text) => (out += text + '\n'), false)
  return { code, out }
}

test('errors exit with 1 and print tsc-style locations with a caret line', (t) => {
  const app = copyFixture('v5-app')
  t.after(() => app.remove())
  const { code, out } = capture(['check', app.root])
  assert.equal(code, 1)
  assert.match(
    out,
    /^app\/Models\/User\.ts:42:17 - error LL101: "User\.publishedPosts" expects foreignKey "autorId"/m,
  )
  assert.match(out, /^42 {5}foreignKey: .autorId., \/\/ expect LL101\n {19}~{9}$/m)
  assert.match(out, /^Found 10 errors and 3 warnings in 12 models \(21 relations, 1 app\)\.$/m)
})

test('--format json gives 1-based positions and counts', (t) => {
  const app = copyFixture('v6-app')
  t.after(() => app.remove())
  const { code, out } = capture(['check', app.root, '--format', 'json'])
  assert.equal(code, 1)
  const json = JSON.parse(out)
  assert.equal(json.findings.length, 55)
  assert.ok(json.models > 20 && json.relations > 30)
  const first = json.findings.find((f: { code: string }) => f.code === 'LL101')
  assert.deepEqual(Object.keys(first), [
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'severity',
    'code',
    'message',
  ])
  assert.deepEqual(
    [first.file, first.line, first.column, first.endColumn],
    ['app/models/user.ts', 54, 17, 26],
  )
})

test('a clean app exits with 0', (t) => {
  const app = createTempApp()
  t.after(() => app.remove())
  const { code, out } = capture(['check', app.root])
  assert.equal(code, 0)
  assert.match(out, /Found 0 errors and 0 warnings in 2 models \(1 relations, 1 app\)/)
})

test('usage and setup problems exit with 2 and say what is wrong', () => {
  assert.match(capture(['check', '/no/such/dir']).out, /no such directory: \/no\/such\/dir/)
  assert.equal(capture(['check', '/no/such/dir']).code, 2)
  assert.equal(capture(['check', '--format', 'xml']).code, 2)
  assert.equal(capture(['frobnicate']).code, 2)
  assert.equal(capture([]).code, 2)
})
