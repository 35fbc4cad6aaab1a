// `lucid-lens preview` on PostgreSQL and MySQL/MariaDB: the example app's own migrations and seed on a
// fresh database of each server, reached through --db URL or through config/database.ts + .env.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { createServerDatabase, type ServerDatabase, type ServerDialect } from '../engine/support/server-db'
import { repoRoot } from '../support/paths'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

const EXPRESSION =
  "User.query().preload('posts', (q) => q.groupLimit(2)).withCount('comments').orderBy('id').limit(4)"

/** config/database.ts the way `node ace configure @adonisjs/lucid` writes it for a server. */
const serverConfig = (client: string) => `import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

export default defineConfig({
  connection: 'main',
  connections: {
    main: {
      client: '${client}',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
    },
  },
})
`

let sqliteApp: string

before(async () => {
  sqliteApp = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-cli-sqlite-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), sqliteApp, { recursive: true })
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(
    path.join(sqliteApp, 'tmp', 'db.sqlite3'),
  )
})
after(() => fs.rmSync(sqliteApp, { recursive: true, force: true }))

async function capture(app: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(['preview', '--project', app, ...args], (text) => (out += text + '\n'), false)
  return { code, out }
}

/** Ids of the users and of their preloaded posts: the same seed gives the same rows on every database. */
function ids(json: string): unknown {
  const result = JSON.parse(json).result as Array<{ id: number; posts: Array<{ id: number }> }>
  return result.map((user) => [user.id, user.posts.map((post) => post.id)])
}

for (const [dialect, scheme, product] of [
  ['pg', 'postgres', 'PostgreSQL'],
  ['mysql2', 'mysql', 'MySQL'],
] as const) {
  describe(`preview on ${product}`, () => {
    let database: ServerDatabase
    let app: string
    let url: string
    before(async () => {
      database = await createServerDatabase(dialect as ServerDialect, async () => undefined)
      const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
      const create = script['createExampleDb'] as (config: object) => Promise<unknown>
      await create({ client: dialect, connection: { ...database.settings } })
      const { host, port, user, database: name } = database.settings
      url = `${scheme}://${user}@${host}:${port}/${name}`
      app = fs.mkdtempSync(path.join(os.tmpdir(), `lucid-lens-cli-${scheme}-`))
      fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
      fs.writeFileSync(path.join(app, 'config', 'database.ts'), serverConfig(dialect))
      const env = `DB_HOST=${host}\nDB_PORT=${port}\nDB_USER=${user}\nDB_PASSWORD=${database.settings.password ?? ''}\nDB_DATABASE=${name}\n`
      fs.appendFileSync(path.join(app, '.env'), `\n${env}`)
    })
    after(async () => {
      fs.rmSync(app, { recursive: true, force: true })
      await database?.drop()
    })

    test('--db URL: the dialect SQL and the rows the SQLite copy of the seed gives', async () => {
      const { code, out } = await capture(
        app,
        '--db',
        url,
        "User.findOrFail(2).related('posts').query().orderBy('id')",
      )
      assert.equal(code, 0, out)
      const quoted =
        dialect === 'pg'
          ? 'select * from "users" where "id" = $1 limit $2'
          : 'select * from `users` where `id` = ? limit ?'
      assert.equal(out.split('\n')[0], quoted)
      const server = await capture(app, '--db', url, '--json', EXPRESSION)
      const sqlite = await capture(sqliteApp, '--json', EXPRESSION)
      assert.equal(server.code, 0, server.out)
      assert.deepEqual(ids(server.out), ids(sqlite.out))
    })

    test('config/database.ts + .env find the server, the password included', async () => {
      const discovered = await capture(app, '--json', EXPRESSION)
      const explicit = await capture(app, '--db', url, '--json', EXPRESSION)
      assert.equal(discovered.code, 0, discovered.out)
      const firstSql = (json: string) => JSON.parse(json).statements[0].sql as string
      assert.equal(firstSql(discovered.out), firstSql(explicit.out))
      assert.deepEqual(ids(discovered.out), ids(explicit.out))
      process.env['LUCID_LENS_TEST_PASSWORD'] = database.settings.password ?? ''
      try {
        const withEnv = await capture(app, '--password-env', 'LUCID_LENS_TEST_PASSWORD', '--json', EXPRESSION)
        assert.equal(withEnv.code, 0, withEnv.out)
        if (dialect === 'mysql2') {
          // PostgreSQL trusts loopback in CI; MariaDB checks the password, so a wrong one proves it is sent.
          process.env['LUCID_LENS_TEST_PASSWORD'] = 'wrong-password'
          const denied = await capture(app, '--password-env', 'LUCID_LENS_TEST_PASSWORD', 'User.query()')
          assert.equal(denied.code, 2)
          assert.match(denied.out, /rejected the user .*\nPass the password with --password-env NAME/)
        }
      } finally {
        delete process.env['LUCID_LENS_TEST_PASSWORD']
      }
    })

    test('writes run as dry runs on the server and are rolled back', async () => {
      const before = await database.knex('posts').orderBy('id')
      const { code, out } = await capture(
        app,
        '--db',
        url,
        "User.findOrFail(2).related('posts').createMany([{ title: 'Dry', slug: 'dry' }, { title: 'Run', slug: 'run' }])",
      )
      assert.equal(code, 0, out)
      assert.match(out, /insert into/)
      assert.match(out, /rolled back: nothing was written/)
      const update = await capture(app, '--db', url, "Post.query().where('id', 1).update({ title: 'x' })")
      assert.equal(update.code, 0, update.out)
      assert.deepEqual(await database.knex('posts').orderBy('id'), before)
    })

    test('--explain=analyze prints the plan of each read; writes stay rolled back', async () => {
      const before = await database.knex('posts').orderBy('id')
      const { code, out } = await capture(
        app,
        '--db',
        url,
        '--explain=analyze',
        "User.findOrFail(2).related('posts').createMany([{ title: 'Dry', slug: 'dry' }])",
      )
      assert.equal(code, 0, out)
      const heading =
        dialect === 'pg'
          ? /^ {2}PostgreSQL plan \(ANALYZE\)$/m
          : /^ {2}(MariaDB plan \(ANALYZE\)|MySQL plan)$/m
      assert.match(out, heading)
      // The lookup of user 2: a step on users with the rows the database counted.
      assert.match(out, /^ {4,}└ .*on users.*· rows \d+ est/m)
      // MariaDB reads a `const` row while optimizing, so ANALYZE counts nothing for it (engine tests
      // check its actual rows on a scan).
      if (dialect === 'pg') assert.match(out, /^ {4,}└ .*on users.*· rows \d+ est · 1 actual · [\d.]+ ms$/m)
      assert.match(out, /insert into/)
      assert.deepEqual(await database.knex('posts').orderBy('id'), before)
    })

    test('server problems are one line and a hint, exit status 2', async () => {
      const { host, port } = database.settings
      const cases: [string[], RegExp][] = [
        [
          ['--db', `${scheme}://nobody@127.0.0.1:1/blog`, 'User.query()'],
          new RegExp(
            `Cannot connect to ${product} at 127\\.0\\.0\\.1:1: connection refused.*\\nStart the database server`,
          ),
        ],
        [
          ['--db', `${scheme}://${database.settings.user}@${host}:${port}/lucid_lens_nope`, 'User.query()'],
          /The database "lucid_lens_nope" does not exist.*\nCreate it and run the app's migrations/,
        ],
        [['--db', `${scheme}://${host}/blog`, 'User.query()'], /--db needs a user and a database/],
        [
          ['--password-env', 'LUCID_LENS_UNSET_VARIABLE', 'User.query()'],
          /The environment variable LUCID_LENS_UNSET_VARIABLE \(--password-env\) is not set/,
        ],
        [['--db', url, '--timeout', '0', 'User.query()'], /--timeout must be a positive number/],
      ]
      for (const [args, message] of cases) {
        const { code, out } = await capture(app, ...args)
        assert.equal(code, 2, `${args.join(' ')}\n${out}`)
        assert.match(out, message, args.join(' '))
      }
    })
  })
}
