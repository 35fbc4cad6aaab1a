// `lucid-lens check` with schema checks: on by default when an app has migrations, required with
// --migrations, skipped with --no-schema.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { run } from '../../server/src/cli/main'
import { copyFixture, createTempApp } from '../support/temp-app'

function capture(argv: string[]): { code: number; out: string } {
  let out = ''
  const code = run(argv, (text) => (out += text + '\n'), false)
  return { code, out }
}

test('schema findings are reported by default, with hints counted apart', (t) => {
  const app = copyFixture('schema-app')
  t.after(() => app.remove())
  const { code, out } = capture(['check', app.root])
  assert.equal(code, 1)
  assert.match(out, /^app\/models\/invoice\.ts:3:22 - error LL401: Model "Invoice" reads table "invoice"/m)
  assert.match(
    out,
    /^app\/models\/user\.ts:35:41 - hint LL405: "User\.comments": comments\.author_id has no index/m,
  )
  assert.match(out, /^Schema: database\/migrations \(15 tables\)\.$/m)
  // 16: the abstract AppBaseModel is only a base of the others, not a model of its own.
  assert.match(out, /^Found 14 errors, 10 warnings and 1 hint in 16 models \(19 relations, 1 app\)\.$/m)
  assert.deepEqual(capture(['check', app.root, '--migrations']), { code, out })
})

test('--no-schema skips them; --format json says which schema was used', (t) => {
  const app = copyFixture('schema-app')
  t.after(() => app.remove())
  const off = capture(['check', app.root, '--no-schema'])
  assert.equal(off.code, 0)
  assert.doesNotMatch(off.out, /LL4\d\d|Schema:/)
  assert.match(off.out, /^Found 0 errors and 5 warnings in 16 models/m)
  const json = JSON.parse(capture(['check', app.root, '--format', 'json']).out)
  assert.deepEqual(json.schema, { source: 'migrations', apps: 1, tables: 15 })
  assert.equal(json.findings.length, 25)
  assert.equal(JSON.parse(capture(['check', app.root, '--format=json', '--no-schema']).out).schema, null)
})

test('--migrations fails when no app has migrations; the two flags exclude each other', (t) => {
  const app = createTempApp()
  t.after(() => app.remove())
  assert.equal(capture(['check', app.root]).code, 0)
  const required = capture(['check', app.root, '--migrations'])
  assert.equal(required.code, 2)
  assert.match(
    required.out,
    /--migrations: no app under .* has migrations extending BaseSchema in database\/migrations/,
  )
  const both = capture(['check', app.root, '--migrations', '--no-schema'])
  assert.equal(both.code, 2)
  assert.match(both.out, /--migrations and --no-schema exclude each other/)
  assert.match(capture(['--help']).out, /--no-schema {4}skip them/)
})

test('what could not be checked is printed once, before the summary, and in the JSON', (t) => {
  const app = copyFixture('twice-app')
  t.after(() => app.remove())
  const { code, out } = capture(['check', app.root])
  // Warnings only: the exit code stays 0.
  assert.equal(code, 0)
  const line =
    /^Not checked: Table "recipes" is not checked: 1730000000002_create_recipes_table\.ts and 1730000000003_create_recipes_v2\.ts both create it/m
  assert.match(out, line)
  assert.equal(out.split('\n').filter((l) => l.startsWith('Not checked')).length, 1)
  assert.ok(out.indexOf('Not checked') < out.indexOf('Found '))
  const json = JSON.parse(capture(['check', app.root, '--format', 'json']).out)
  assert.equal(json.notes.length, 1)
  assert.equal(json.notes[0].app, '.')
})

test('a v7 app with database/schema.ts is checked against it', (t) => {
  const app = copyFixture('v7-schema-file-app')
  t.after(() => app.remove())
  const { out } = capture(['check', app.root])
  assert.match(out, /^Schema: database\/schema\.ts \(4 tables\)\.$/m)
  assert.match(
    out,
    /Board\.archived is the column "archived", but table "boards" has no such column according to database\/schema\.ts/,
  )
})
