// The bundled example app: its migrations build a real SQLite database, and `check` reports exactly
// the three planted mistakes, schema checks included (the README and the demo rely on both).
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { check } from '../../server/src/cli/check'
import { repoRoot } from '../support/paths'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

test('the example app has exactly its three planted mistakes', (t) => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-blog-'))
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), copy, { recursive: true })
  const result = check(copy)
  const found = result.findings.map((f) => `${path.relative(copy, f.fileName)}:${f.line} ${f.code}`)
  assert.deepEqual(found.sort(), [
    'app/controllers/posts_controller.ts:9 LL201',
    'app/controllers/users_controller.ts:25 LL304',
    'app/models/post.ts:44 LL103',
  ])
  assert.equal(result.models, 6)
  // The relations were also held against the schema of the app's migrations, which found nothing.
  assert.deepEqual(result.schema, { apps: 1, tables: 7 })
})

test('the example database is created from the app migrations and seeded deterministically', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-db-')), 'db.sqlite3')
  t.after(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }))
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  const create = script['createExampleDb'] as (file: string) => Promise<Record<string, number>>
  const counts = await create(file)
  assert.deepEqual(counts, {
    organizations: 3,
    users: 12,
    categories: 6,
    posts: 60,
    comments: 200,
    tags: 6,
    postTags: 76,
  })
  const db = new Database(file, { readonly: true })
  t.after(() => db.close())
  const columns = db.prepare('select name from pragma_table_info(?) order by cid').all('posts') as {
    name: string
  }[]
  assert.deepEqual(
    columns.map((c) => c.name),
    ['id', 'user_id', 'category_id', 'title', 'slug', 'is_published', 'published_at', 'created_at'],
  )
  const firstRun = db.prepare('select count(*) as n, sum(post_id) as s from comments').get()
  await create(file)
  const again = new Database(file, { readonly: true })
  t.after(() => again.close())
  assert.deepEqual(again.prepare('select count(*) as n, sum(post_id) as s from comments').get(), firstRun)
})
