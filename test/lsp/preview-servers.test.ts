// The preview requests on database servers named in the settings (lucidLens.database.connection,
// host, port, user, database): the example app's migrations and seed on a fresh PostgreSQL database,
// cancellation of a running statement, rejected users, and the password the client stores
// (DATABASE_PASSWORD_NOTIFICATION) on MariaDB, which checks it, for previews and live schemas alike.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { CancellationTokenSource } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import {
  DATABASE_PASSWORD_NOTIFICATION,
  PREVIEW_REQUEST,
  REFRESH_SCHEMA_REQUEST,
  ROWS_REQUEST,
  type PreviewAnswer,
  type RefreshSchemaResult,
  type RowsResult,
} from '../../server/src/protocol'
import { createServerDatabase, type ServerDatabase } from '../engine/support/server-db'
import { LspHarness } from '../support/lsp-harness'
import { repoRoot } from '../support/paths'

const NAP_MODEL = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Nap extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
}
`

let app: string
let userUri: string

before(() => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-lsp-servers-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  fs.writeFileSync(path.join(app, 'app', 'models', 'nap.ts'), NAP_MODEL)
  userUri = pathToUri(path.join(app, 'app', 'models', 'user.ts'))
})
after(() => fs.rmSync(app, { recursive: true, force: true }))

function serverSettings(kind: 'pg' | 'mysql', database: ServerDatabase, user = database.settings.user) {
  const { host, port, database: name } = database.settings
  return { database: { connection: kind, host, port, user, database: name } }
}

describe('PostgreSQL', () => {
  let database: ServerDatabase
  let lsp: LspHarness
  before(async () => {
    database = await createServerDatabase('pg', async () => undefined)
    const script = await (
      new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
    )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
    await (script['createExampleDb'] as (config: object) => Promise<unknown>)({
      client: 'pg',
      connection: { ...database.settings },
    })
    // A table whose first row takes 30 s: only a cancel on the server ends it sooner.
    await database.knex.raw('create view naps as select 1 as id from pg_sleep(30)')
    lsp = await LspHarness.start({ pull: true, rootPath: app, settings: serverSettings('pg', database) })
    if (database.settings.password)
      await lsp.client.sendNotification(DATABASE_PASSWORD_NOTIFICATION, {
        password: database.settings.password,
      })
  })
  after(async () => {
    await lsp?.stop()
    await database?.drop()
  })

  test('rows and previews read the database the settings name', async () => {
    const { host, port, database: name } = database.settings
    const rows: RowsResult = await lsp.client.sendRequest(ROWS_REQUEST, {
      uri: userUri,
      model: 'User',
      search: 'USER1',
    })
    assert.equal(rows.kind, 'rows', JSON.stringify(rows))
    if (rows.kind !== 'rows') return
    assert.equal(rows.target, `postgres ${host}:${port}/${name}`)
    assert.deepEqual(
      rows.rows.map((r) => [r.key, r.label]),
      [
        [1, 'user1@example.com'],
        [10, 'user10@example.com'],
        [11, 'user11@example.com'],
        [12, 'user12@example.com'],
      ],
    )
    const answer: PreviewAnswer = await lsp.client.sendRequest(PREVIEW_REQUEST, {
      uri: userUri,
      expression: "user.related('posts').query().orderBy('id')",
      variables: { user: { model: 'User', key: 2 } },
    })
    assert.equal(answer.kind, 'result', JSON.stringify(answer))
    if (answer.kind !== 'result') return
    assert.deepEqual(
      answer.result.statements.map((s) => s.sql),
      [
        'select * from "users" where "id" = $1 limit $2',
        'select * from "posts" where "user_id" = $1 order by "id" asc',
      ],
    )
  })

  test('cancelling a preview stops its statement on the server', async () => {
    const running = () =>
      database.knex
        .raw(
          "select pid from pg_stat_activity where application_name = 'lucid-lens preview' " +
            "and state = 'active' and wait_event = 'PgSleep'",
        )
        .then((r: { rows: unknown[] }) => r.rows.length)
    const source = new CancellationTokenSource()
    const started = Date.now()
    const answer: Promise<PreviewAnswer> = lsp.client.sendRequest(
      PREVIEW_REQUEST,
      { uri: userUri, expression: 'Nap.query()' },
      source.token,
    )
    // Waits for the statement itself (each check is a query to the server, not a sleep).
    while ((await running()) === 0) assert.ok(Date.now() - started < 20_000, 'the statement never started')
    source.cancel()
    assert.deepEqual(await answer, {
      kind: 'error',
      message: 'The preview was cancelled; the running query was stopped.',
      code: 'E_CANCELLED',
    })
    assert.equal(await running(), 0)
    assert.ok(Date.now() - started < 20_000)
  })

  test('a user the server rejects: the server says why, the hint says what to do', async (t) => {
    const rejected = await LspHarness.start({
      pull: true,
      rootPath: app,
      settings: serverSettings('pg', database, 'lucid_lens_nobody'),
    })
    t.after(() => rejected.stop())
    const answer: PreviewAnswer = await rejected.client.sendRequest(PREVIEW_REQUEST, {
      uri: userUri,
      expression: 'User.query()',
    })
    const { host, port } = database.settings
    // Nothing ran: the answer is the SQL Lucid would send to PostgreSQL, and why it did not run.
    assert.equal(answer.kind, 'sql', JSON.stringify(answer))
    const sql = answer as Extract<PreviewAnswer, { kind: 'sql' }>
    assert.deepEqual(
      {
        dialect: sql.dialect,
        statements: sql.statements.map((s) => s.sql),
        warnings: sql.warnings,
        message: sql.message,
        hint: sql.hint,
        code: sql.code,
      },
      {
        dialect: 'PostgreSQL',
        statements: ['select * from "users"'],
        warnings: [],
        message:
          `Not run: PostgreSQL at ${host}:${port} rejected the user "lucid_lens_nobody": role "lucid_lens_nobody" ` +
          'does not exist. Check the user and its password.',
        hint: 'Run "Lucid: Set Database Password", or check the user and password in the app\'s .env.',
        code: 'E_ACCESS_DENIED',
      },
    )
  })
})

describe('MariaDB: the password from the client', () => {
  let database: ServerDatabase
  let lsp: LspHarness
  before(async () => {
    database = await createServerDatabase('mysql2', async () => undefined)
    lsp = await LspHarness.start({ pull: true, rootPath: app, settings: serverSettings('mysql', database) })
  })
  after(async () => {
    await lsp?.stop()
    await database?.drop()
  })

  const rows = (): Promise<RowsResult> =>
    lsp.client.sendRequest(ROWS_REQUEST, { uri: userUri, model: 'User' })
  const schema = async () => {
    const result: RefreshSchemaResult = await lsp.client.sendRequest(REFRESH_SCHEMA_REQUEST, { uri: userUri })
    return result.apps[0]
  }

  test('a wrong password is used, and rejected, until the client clears it', async () => {
    await lsp.client.sendNotification(DATABASE_PASSWORD_NOTIFICATION, { password: 'wrong-password' })
    const denied = await rows()
    assert.equal(denied.kind === 'error' && denied.code, 'E_ACCESS_DENIED', JSON.stringify(denied))
    assert.match(denied.kind === 'error' ? denied.message : '', /rejected the user/)
    const deniedSchema = await schema()
    assert.equal(deniedSchema?.source, 'migrations')
    assert.match(deniedSchema?.problem ?? '', /rejected the user/)

    await lsp.client.sendNotification(DATABASE_PASSWORD_NOTIFICATION, {
      password: database.settings.password,
    })
    // Connected: the fresh database has no tables yet.
    const connected = await rows()
    assert.equal(connected.kind === 'error' && connected.code, 'E_NO_SUCH_TABLE', JSON.stringify(connected))
    const read = await schema()
    assert.deepEqual([read?.source, read?.problem], ['database', undefined])
  })
})
