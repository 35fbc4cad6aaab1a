// The AdonisJS 7 example app (examples/blog-v7): models extend the classes Lucid 22 generates into
// database/schema.ts. `check` reports the same three planted mistakes as the v6 app and nothing about
// the schema classes, which are bases (never models, never counted); previews read the inherited columns.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { check } from '../../server/src/cli/check'
import { main } from '../../server/src/cli/main'
import { repoRoot } from '../support/paths'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
const source = path.join(repoRoot, 'examples', 'blog-v7')

function copyApp(t: { after(fn: () => void): void }): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-blog-v7-'))
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }))
  fs.cpSync(source, copy, { recursive: true, filter: (from) => from !== path.join(source, 'tmp') })
  return copy
}

test('the v7 example app has exactly its three planted mistakes and six models', (t) => {
  const copy = copyApp(t)
  const result = check(copy)
  const found = result.findings.map((f) => `${path.relative(copy, f.fileName)}:${f.line} ${f.code}`)
  assert.deepEqual(found.sort(), [
    'app/controllers/posts_controller.ts:9 LL201',
    'app/controllers/users_controller.ts:25 LL304',
    'app/models/post.ts:20 LL103',
  ])
  assert.equal(result.models, 6)
})

test('the v7 example app previews through the columns its models inherit from database/schema.ts', async (t) => {
  const copy = copyApp(t)
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string, app: string) => Promise<unknown>)(
    path.join(copy, 'tmp', 'db.sqlite3'),
    copy,
  )
  let output = ''
  const code = await main(
    [
      'preview',
      '--project',
      copy,
      '--json',
      "User.query().where('email', 'user1@example.com').preload('posts', (q) => q.where('isPublished', true))",
    ],
    (text) => (output += text),
    false,
  )
  assert.equal(code, 0, output)
  const result = JSON.parse(output) as {
    statements: { sql: string }[]
    result: { fullName: string; posts: { isPublished: unknown }[] }[]
  }
  assert.deepEqual(
    result.statements.map((s) => s.sql),
    [
      'select * from `users` where `email` = ?',
      'select * from `posts` where (`is_published` = ?) and (`user_id` in (?))',
    ],
  )
  assert.equal(result.result.length, 1)
  assert.equal(result.result[0]?.fullName, 'User 1')
  assert.ok(result.result[0]?.posts.length)
})
