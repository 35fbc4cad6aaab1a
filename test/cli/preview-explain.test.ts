// `lucid-lens preview --explain[=analyze]`: each read's plan under its statement, on the example
// app's SQLite database; a full scan on a relation's key names the relation and LL405.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { copyBlogApp } from '../support/blog-app'
import type { TempApp } from '../support/temp-app'

let blog: TempApp
let app: string
let db: string

before(async () => {
  blog = await copyBlogApp({ database: true })
  app = blog.root
  db = blog.file('tmp/db.sqlite3')
})
after(() => blog.remove())

async function capture(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(['preview', '--project', app, ...args], (text) => (out += text + '\n'), false)
  return { code, out }
}

const checksum = () => createHash('sha256').update(fs.readFileSync(db)).digest('hex')

test('--explain prints the plan tree under each read: a lookup by primary key, then the indexed preload', async () => {
  const { code, out } = await capture('--explain', "User.query().where('id', 2).preload('posts')")
  assert.equal(code, 0, out)
  const lines = out.split('\n')
  assert.equal(lines[0], 'select * from `users` where `id` = ?')
  assert.equal(lines[2], '  SQLite plan')
  assert.match(lines[3] ?? '', /^ {4}└ SEARCH on users using PRIMARY KEY · by rowid=\?$/)
  const posts = lines.findIndex((line) => line.startsWith('select * from `posts`'))
  assert.equal(lines[posts + 2], '  SQLite plan')
  assert.match(lines[posts + 3] ?? '', /^ {4}└ SEARCH on posts using \S+ · by user_id=\?$/)
  assert.doesNotMatch(out, /LL405/)
})

test('without the index the preload scans posts, and the plan names User.posts and LL405', async () => {
  const before = checksum()
  const copy = path.join(app, 'tmp', 'unindexed.sqlite3')
  fs.copyFileSync(db, copy)
  const writable = new Database(copy)
  const index = writable
    .prepare(
      "select name from sqlite_master where type = 'index' and tbl_name = 'posts' and sql like '%user_id%'",
    )
    .get() as { name: string }
  writable.exec(`drop index "${index.name}"`)
  writable.close()
  const { code, out } = await capture(
    '--db',
    copy,
    '--explain=analyze',
    "User.query().where('id', 2).preload('posts')",
  )
  assert.equal(code, 0, out)
  assert.match(out, /^ {4}└ SCAN on posts · full scan · filter user_id$/m)
  assert.match(
    out,
    /^ {6}! reads all of posts: no index used for user_id, the key User\.posts looks rows up by/m,
  )
  assert.match(out, /^ {2}note: SQLite plans have no row counts or times/m)
  assert.equal(checksum(), before)
})

test('--json carries the plan on each statement; a wrong --explain value is a usage error', async () => {
  const { code, out } = await capture('--json', '--explain', 'User.findOrFail(1)')
  assert.equal(code, 0, out)
  const statements = JSON.parse(out).statements as Array<{ plan?: { dialect: string; nodes: unknown[] } }>
  assert.equal(statements[0]?.plan?.dialect, 'sqlite')
  assert.ok((statements[0]?.plan?.nodes.length ?? 0) > 0)
  const wrong = await capture('--explain=verbose', 'User.findOrFail(1)')
  assert.notEqual(wrong.code, 0)
  assert.match(wrong.out, /--explain takes no value or "analyze", not "verbose"/)
})
