// The AdonisJS 7 fixture: models extend the generated classes of database/schema.ts, and an Inertia
// frontend has its own tsconfig.json. One app, four models, each finding once.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { run, runGraph } from '../../server/src/cli/main'
import { readMarkers } from '../support/markers'
import { copyFixture } from '../support/temp-app'

function capture(argv: string[]): { code: number; out: string } {
  let out = ''
  const code = run(argv, (text) => (out += text + '\n'), false)
  return { code, out }
}

function markerCount(dir: string): number {
  let count = 0
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts')) count += readMarkers(fs.readFileSync(full, 'utf8')).length
    }
  }
  walk(dir)
  return count
}

test('v7: schema classes are bases, the Inertia tsconfig is no second app, findings appear once', (t) => {
  const app = copyFixture('v7-app')
  t.after(() => app.remove())
  assert.ok(fs.existsSync(app.file('inertia/tsconfig.json')))
  // User, Project, Task, Comment: none of the five *Schema classes; inertia/ is not an app.
  // The 6 warnings include the weekly report job's two LL501 and one LL502.
  assert.match(
    capture(['check', app.root]).out,
    /^Found 4 errors and 6 warnings in 4 models \(10 relations, 1 app\)\.$/m,
  )
  const { code, out } = capture(['check', app.root, '--format', 'json'])
  assert.equal(code, 1)
  const json = JSON.parse(out)
  assert.equal(json.models, 4)
  const keys = json.findings.map(
    (f: { file: string; line: number; code: string }) => `${f.file}:${f.line} ${f.code}`,
  )
  assert.equal(new Set(keys).size, keys.length, `a finding printed twice: ${keys.join(', ')}`)
  assert.equal(keys.length, markerCount(app.root))
  assert.ok(!json.findings.some((f: { file: string }) => f.file.startsWith('database/schema.ts')))
})

test('v7: the graph lists the models, not the generated schema classes', (t) => {
  const app = copyFixture('v7-app')
  t.after(() => app.remove())
  let out = ''
  assert.equal(
    runGraph([app.root, '--format', 'json'], (text) => (out += text + '\n')),
    0,
  )
  const json = JSON.parse(out)
  assert.equal(json.apps.length, 1)
  const names = json.apps[0].models.map((m: { name: string }) => m.name).sort()
  assert.deepEqual(names, ['Comment', 'Project', 'Task', 'User'])
  const user = json.apps[0].models.find((m: { name: string }) => m.name === 'User')
  // The table is the model's own default, the columns and primary key come from UserSchema.
  assert.equal(user.table, 'users')
  assert.equal(user.primaryKey, 'id')
  assert.ok(
    user.columns.some(
      (c: { attribute: string; declaredBy: string }) =>
        c.attribute === 'email' && c.declaredBy === 'UserSchema',
    ),
  )
})
