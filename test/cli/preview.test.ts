// `lucid-lens preview`: Lucid code against the example app's SQLite database; writes are dry runs.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { before, after, test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { copyBlogApp } from '../support/blog-app'
import { createTempApp, type TempApp } from '../support/temp-app'

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

test('text output: each statement with bindings, then rows with related rows and counts', async () => {
  const { code, out } = await capture(
    "await User.findOrFail(2).related('posts').query().withCount('comments').orderBy('id').limit(2)",
  )
  assert.equal(code, 0)
  const lines = out.split('\n')
  assert.equal(lines[0], 'select * from `users` where `id` = ? limit ?')
  assert.match(lines[1] ?? '', /^ {2}bindings \[2,1\] · \d+\.\d ms · 1 rows$/)
  assert.equal(
    lines[2],
    'select `posts`.*, (select count(*) from `comments` where `posts`.`id` = `comments`.`post_id`) as `comments_count` from `posts` where `user_id` = ? order by `id` asc limit ?',
  )
  assert.match(out, /\| \$comments_count\n/)
  assert.match(out, /^2 +\| 2 +\| .*Post 2 /m)
})

test('--json prints statements, the serialized result, extras and flags; --rows caps and says so', async () => {
  const { code, out } = await capture('--json', '--rows', '3', "User.query().preload('posts')")
  assert.equal(code, 0)
  const json = JSON.parse(out)
  assert.deepEqual(Object.keys(json).sort(), ['extras', 'result', 'statements', 'truncated', 'warnings'])
  assert.equal(json.truncated, true)
  assert.equal(json.result.length, 3)
  assert.deepEqual(Object.keys(json.statements[0]).sort(), [
    'bindings',
    'durationMs',
    'rowCount',
    'sql',
    'truncated',
  ])
})

test('problems are one clear line plus a hint, exit status 2, and the database is never written', async () => {
  const before = checksum()
  const cases: [string[], RegExp][] = [
    [["User.query().preload('postz')"], /"postz" is not defined as a relationship on "User" model/],
    [["User.query().whereRaw('1 = 1')"], /"\.whereRaw" is not supported in previews/],
    [
      ["User.query().where('id', someId)"],
      /`someId` is not supported in previews[^\n]*\nUser\.query\(\)\.where\('id', someId\)\n {25}\^/,
    ],
    [['Author.query()'], /"Author" is not a Lucid model of this app\.\nModels: .*User/],
    [
      ['--db', path.join(app, 'nope.sqlite3'), 'User.query()'],
      /The database file .*nope\.sqlite3 does not exist/,
    ],
    [[], /preview needs a Lucid expression/],
  ]
  for (const [args, message] of cases) {
    const { code, out } = await capture(...args)
    assert.equal(code, 2, args.join(' '))
    assert.match(out, message, args.join(' '))
  }
  assert.equal(checksum(), before)
})

test('writes run as dry runs: every statement, the rows as they would be, then rolled back', async () => {
  const before = checksum()
  const { code, out } = await capture(
    '--json',
    "await User.findOrFail(2).related('posts').create({ title: 'Dry', slug: 'dry', isPublished: false })",
  )
  assert.equal(code, 0, out)
  const json = JSON.parse(out)
  assert.equal(json.dryRun, true)
  assert.deepEqual(json.warnings, ['rolled back: nothing was written'])
  const insert = json.statements[1]
  assert.match(
    insert.sql,
    /^insert into `posts` \(`created_at`, `is_published`, `slug`, `title`, `user_id`\)/,
  )
  assert.equal(insert.affectedRows, 1)
  assert.deepEqual(insert.bindings.slice(1), [false, 'dry', 'Dry', 2])
  assert.equal(json.result.userId, 2)
  assert.equal(typeof json.result.id, 'number')
  const text = await capture("User.query().where('id', 2).update({ email: 'x@example.com' })")
  assert.equal(text.code, 0, text.out)
  assert.match(text.out, /^update `users` set `email` = \? where `id` = \?\n {2}bindings .* · 1 affected$/m)
  assert.match(text.out, /^\[1\]$/m)
  assert.match(text.out, /^Warning: rolled back: nothing was written$/m)
  assert.equal(checksum(), before)
})

test("a relation's onQuery is part of the previewed SQL, read from the model source", async () => {
  const { code, out } = await capture('--json', "User.findOrFail(1).related('publishedPosts').query()")
  assert.equal(code, 0, out)
  const json = JSON.parse(out)
  assert.equal(json.statements[1].sql, 'select * from `posts` where (`is_published` = ?) and (`user_id` = ?)')
  assert.deepEqual(json.statements[1].bindings, [true, 1])
  assert.deepEqual(json.warnings, [])
  assert.ok(json.result.every((post: { isPublished: unknown }) => Boolean(post.isPublished)))
})

test('a paginated result: the count and page statements, the meta line, then the rows table', async () => {
  const { code, out } = await capture(
    "await User.findOrFail(2).related('posts').query().orderBy('id').paginate(2, 1)",
  )
  assert.equal(code, 0)
  const lines = out.split('\n')
  assert.equal(lines[2], 'select count(*) as `total` from `posts` where `user_id` = ?')
  assert.equal(lines[4], 'select * from `posts` where `user_id` = ? order by `id` asc limit ? offset ?')
  assert.match(lines[5] ?? '', /^ {2}bindings \[2,1,1\] · /)
  assert.match(
    lines[7] ?? '',
    /^page: total \d+ · perPage 1 · currentPage 2 · lastPage \d+ · firstPage 1 · firstPageUrl \/\?page=1 · /,
  )
  assert.match(lines[8] ?? '', /^id +\| /)
  assert.match(lines[10] ?? '', /^\d+ +\| 2 +\| /)
})

test('without a database: the SQL Lucid would send, then why nothing ran and how to connect one', async (t) => {
  const bare = createTempApp()
  t.after(() => bare.remove())
  let out = ''
  const run = (...args: string[]) =>
    main(['preview', '--project', bare.root, ...args], (text) => (out += text + '\n'), false)
  const code = await run("User.findOrFail(1).related('posts').query()")
  assert.equal(code, 2)
  assert.deepEqual(out.split('\n'), [
    '-- Not run; the SQL Lucid would send (SQLite (assumed: no database is configured)), values read from rows as placeholders:',
    'select * from `users` where `id` = ? limit ?;',
    '--   bindings [1,1]',
    'select * from `posts` where `user_id` = ?;',
    '--   bindings ["<User.id>"]',
    '',
    `lucid-lens: Not run: No config/database.ts in ${fs.realpathSync(bare.root)}.`,
    'Pass the database with --db FILE or --db postgres://USER@HOST/DB.',
    '',
  ])
  out = ''
  assert.equal(await run('--db', 'postgres://nobody@127.0.0.1:1/none', '--json', 'User.query()'), 2)
  const [json] = out.split('\nlucid-lens: ')
  const { notRun, ...sql } = JSON.parse(json ?? '') as { notRun: string }
  assert.match(notRun, /127\.0\.0\.1:1/)
  assert.deepEqual(sql, {
    dialect: 'PostgreSQL',
    statements: [
      { sql: 'select * from "users"', bindings: [], durationMs: 0, rowCount: 0, truncated: false },
    ],
  })
  assert.match(out, /lucid-lens: Not run: .*127\.0\.0\.1:1/)
})
