// `lucid-lens check --db`: the drift-app checked against its live development database (SQLite found
// through config/database.ts, a SQLite file, PostgreSQL and MariaDB URLs) instead of its migrations,
// and a clear exit status 2 when the database cannot be read.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { after, before, test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { createDriftApp, DRIFT_FINDINGS, loadDrift } from '../analysis/drift-app'
import { createServerDatabase, type ServerDatabase } from '../engine/support/server-db'
import type { TempApp } from '../support/temp-app'

let app: TempApp & { db: string }
before(() => (app = createDriftApp()))
after(() => app.remove())

async function capture(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(['check', ...args], (text) => (out += text + '\n'), false)
  return { code, out }
}

/** `file:line CODE` of every finding in the text output. */
function findings(out: string): string[] {
  return [...out.matchAll(/^(\S+):(\d+):\d+ - \w+ (LL\d+):/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`).sort()
}

test('without --db the migrations decide; with --db the database config/database.ts names', async () => {
  const migrations = await capture(app.root)
  assert.equal(migrations.code, 0, 'only the migrations hint LL405')
  assert.deepEqual(findings(migrations.out), ['app/models/post.ts:23 LL405'])
  assert.match(migrations.out, /^Schema: database\/migrations \(4 tables\)\.$/m)
  const live = await capture(app.root, '--db')
  assert.equal(live.code, 1)
  assert.deepEqual(findings(live.out), DRIFT_FINDINGS)
  assert.match(live.out, /according to the database \(sqlite tmp\/db\.sqlite3\)/)
  assert.match(live.out, /^Schema: the database sqlite tmp\/db\.sqlite3 \(3 tables\)\.$/m)
  // --db before the directory takes no value from it: a directory is not a database file.
  assert.deepEqual(await capture('--db', app.root), live)
})

test('--db FILE, and --format json says the schema came from the database', async () => {
  const { code, out } = await capture(app.root, '--db', app.db, '--format', 'json')
  assert.equal(code, 1)
  const json = JSON.parse(out)
  assert.deepEqual(json.schema, {
    source: 'database',
    apps: 1,
    tables: 3,
    databases: ['sqlite tmp/db.sqlite3'],
  })
  assert.equal(json.findings.length, DRIFT_FINDINGS.length)
  const migrations = JSON.parse((await capture(app.root, '--format=json')).out)
  assert.deepEqual(migrations.schema, { source: 'migrations', apps: 1, tables: 4 })
})

for (const [dialect, scheme, product] of [
  ['pg', 'postgres', 'PostgreSQL'],
  ['mysql2', 'mysql', 'MariaDB'],
] as const) {
  test(`--db URL on ${product}: the same findings from the same drifted schema`, async (t) => {
    const database: ServerDatabase = await createServerDatabase(dialect, loadDrift)
    t.after(() => database.drop())
    const { host, port, user, database: name, password } = database.settings
    process.env['LUCID_LENS_TEST_DB_PASSWORD'] = password ?? ''
    t.after(() => delete process.env['LUCID_LENS_TEST_DB_PASSWORD'])
    const url = `${scheme}://${user}@${host}:${port}/${name}`
    const { code, out } = await capture(
      app.root,
      '--db',
      url,
      '--password-env',
      'LUCID_LENS_TEST_DB_PASSWORD',
    )
    assert.equal(code, 1, out)
    assert.deepEqual(findings(out), DRIFT_FINDINGS)
    const label = `${scheme} ${host}:${port}/${name}`
    assert.ok(out.includes(`according to the database (${label})`), out)
    assert.ok(out.includes(`Schema: the database ${label} (3 tables).`), out)
  })
}

test('a database that cannot be read is exit status 2 with what to do', async (t) => {
  const refused = await capture(app.root, '--db', 'postgres://postgres@127.0.0.1:1/blog')
  assert.equal(refused.code, 2)
  assert.match(refused.out, /^lucid-lens: Cannot connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/)
  assert.match(refused.out, /Start the database server, or point --db at another one\./)
  const unset = await capture(
    app.root,
    '--db',
    'mysql://root@127.0.0.1/x',
    '--password-env',
    'LUCID_LENS_NO_SUCH_VAR',
  )
  assert.equal(unset.code, 2)
  assert.match(unset.out, /The environment variable LUCID_LENS_NO_SUCH_VAR \(--password-env\) is not set/)
  const copy = createDriftApp()
  t.after(() => copy.remove())
  fs.rmSync(copy.db)
  const missing = await capture(copy.root, '--db')
  assert.equal(missing.code, 2)
  assert.match(missing.out, /The database file .*tmp\/db\.sqlite3 does not exist/)
})

test('--db excludes --no-schema and --migrations; --password-env needs --db', async () => {
  for (const [args, message] of [
    [['--db', '--no-schema'], '--db and --no-schema exclude each other'],
    [['--migrations', '--db'], '--migrations and --db exclude each other'],
    [['--password-env', 'X'], '--password-env only goes with --db'],
  ] as const) {
    const { code, out } = await capture(app.root, ...args)
    assert.equal(code, 2, out)
    assert.ok(out.startsWith(`lucid-lens: ${message}`), out)
  }
  assert.match(
    (await capture('--help')).out,
    /--db \[FILE\|URL\] {2}check against the live development database/,
  )
})
