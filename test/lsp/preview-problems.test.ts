// The problems a preview answers with, over JSON-RPC against the example app's seeded SQLite database:
// mistakes in the expression, cancelling, the time limit, database access turned off, a missing
// database file and an app without config/database.ts.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { CancellationTokenSource } from 'vscode-languageserver/node'
import { NO_CONFIG_HINT } from '../../server/src/database/database-target'
import { pathToUri } from '../../server/src/features/uri'
import {
  NO_DATABASE_CODES,
  placeholder,
  PREVIEW_REQUEST,
  ROWS_REQUEST,
  type PreviewAnswer,
  type RowsResult,
} from '../../server/src/protocol'
import { LspHarness } from '../support/lsp-harness'
import { sqlOf, useSeededBlog } from '../support/seeded-blog'
import { createTempApp } from '../support/temp-app'

const blog = useSeededBlog()

test('preview: problems come back as answers with a message, a hint and a code', async () => {
  const syntax = await blog.preview({ expression: "User.query().where('id', params.id)" })
  assert.equal(syntax.kind === 'error' && syntax.code, 'E_PLAN')
  assert.match(syntax.kind === 'error' ? (syntax.hint ?? '') : '', /\^$/)
  const model = await blog.preview({ expression: 'Author.query()' })
  assert.deepEqual(model.kind === 'error' && [model.message, model.code], [
    '"Author" is not a Lucid model of this app.',
    'E_PLAN',
  ])
  const outside = await blog.lsp.client.sendRequest(PREVIEW_REQUEST, {
    uri: pathToUri(path.join(os.tmpdir(), 'elsewhere.ts')),
    expression: 'User.query()',
  })
  assert.equal((outside as PreviewAnswer).kind === 'error' && (outside as { code?: string }).code, 'E_SETUP')
})

test('cancelling a preview kills the statement running in SQLite and answers E_CANCELLED', async () => {
  const source = new CancellationTokenSource()
  const started = Date.now()
  const answer: Promise<PreviewAnswer> = blog.lsp.client.sendRequest(
    PREVIEW_REQUEST,
    { uri: blog.userUri, expression: 'SlowNumber.query()' },
    source.token,
  )
  source.cancel()
  const cancelled = await answer
  assert.deepEqual(cancelled, {
    kind: 'error',
    message: 'The preview was cancelled; the running query was stopped.',
    code: 'E_CANCELLED',
  })
  // Far below the 10 s limit: the cancel, not the time limit, ended it.
  assert.ok(Date.now() - started < 5_000)
})

test('a SQLite preview longer than lucidLens.preview.timeoutMs is stopped with E_TIMEOUT', async (t) => {
  const strict = await blog.serverWith(t, { preview: { timeoutMs: 300 } })
  const answer = await blog.preview({ expression: 'SlowNumber.query()' }, strict)
  assert.deepEqual(answer, {
    kind: 'error',
    message: 'The preview took longer than 300 ms and was stopped.',
    hint: 'Narrow the query (a where, a limit) or raise lucidLens.preview.timeoutMs.',
    code: 'E_TIMEOUT',
  })
})

test('an untrusted workspace (database.enable off) answers E_DISABLED and reads nothing', async (t) => {
  const off = await blog.serverWith(t, { database: { enable: false } })
  const disabled = {
    kind: 'error',
    code: 'E_DISABLED',
    message: 'Database access is turned off (lucidLens.database.enable, or the workspace is not trusted)',
  }
  const before = blog.checksum()
  // The preview still shows the SQL Lucid would send, compiled without any connection.
  assert.deepEqual(sqlOf(await blog.preview({ expression: 'User.query()' }, off)), {
    dialect: 'SQLite',
    sql: ['select * from `users`'],
    message: `Not run: ${disabled.message}`,
    code: 'E_DISABLED',
  })
  assert.deepEqual(await off.client.sendRequest(ROWS_REQUEST, { uri: blog.userUri, model: 'User' }), disabled)
  assert.equal(blog.checksum(), before)
})

test('a missing SQLite file, from the settings or from config/database.ts, says how to create it', async (t) => {
  const missing = await blog.serverWith(t, {
    database: { connection: 'sqlite', file: 'tmp/nothing.sqlite3' },
  })
  assert.deepEqual(sqlOf(await blog.preview({ expression: 'User.query()' }, missing)), {
    dialect: 'SQLite',
    sql: ['select * from `users`'],
    code: 'E_SETUP',
    message:
      'Not run: The SQLite database tmp/nothing.sqlite3 does not exist yet (node ace migration:run creates it).',
    hint: 'Run node ace migration:run.',
  })
  assert.equal(fs.existsSync(path.join(blog.app, 'tmp', 'nothing.sqlite3')), false)
  const empty = await blog.serverWith(t, { database: { connection: 'sqlite' } })
  const answer = await empty.client.sendRequest(ROWS_REQUEST, { uri: blog.userUri, model: 'User' })
  assert.deepEqual(answer, {
    kind: 'error',
    code: 'E_SETUP',
    message: 'lucidLens.database.connection is "sqlite" but lucidLens.database.file is empty.',
    hint: 'Set lucidLens.database.file to the database file (relative to the app folder).',
  })
})

test('an app without config/database.ts: the SQL with placeholders, and how to add a database', async (t) => {
  const bare = createTempApp()
  const harness = await LspHarness.start({ pull: true, rootPath: bare.root, settings: {} })
  t.after(async () => {
    await harness.stop()
    bare.remove()
  })
  const uri = pathToUri(bare.file('app/models/user.ts'))
  const rows: RowsResult = await harness.client.sendRequest(ROWS_REQUEST, { uri, model: 'User' })
  assert.ok(rows.kind === 'error' && NO_DATABASE_CODES.includes(rows.code ?? ''), JSON.stringify(rows))
  const key = placeholder('User', 'id')
  const answer: PreviewAnswer = await harness.client.sendRequest(PREVIEW_REQUEST, {
    uri,
    expression: "user.related('posts').query().where('title', 'Hello')",
    variables: { user: { model: 'User', key } },
  })
  assert.equal(answer.kind, 'sql', JSON.stringify(answer))
  const sql = answer as Extract<PreviewAnswer, { kind: 'sql' }>
  assert.deepEqual(
    sql.statements.map((s) => [s.sql, s.bindings]),
    [
      ['select * from `users` where `id` = ? limit ?', [key, 1]],
      // Lucid wraps the user's wheres before adding the relation's constraint.
      ['select * from `posts` where (`title` = ?) and (`user_id` = ?)', ['Hello', '<User.id>']],
    ],
  )
  assert.equal(sql.dialect, 'SQLite (assumed: no database is configured)')
  assert.equal(sql.message, 'Not run: This app has no config/database.ts.')
  assert.equal(sql.hint, NO_CONFIG_HINT)
  const write: PreviewAnswer = await harness.client.sendRequest(PREVIEW_REQUEST, {
    uri,
    expression: "User.create({ email: 'a@b.c' })",
  })
  assert.equal(write.kind === 'error' && write.code, 'E_READ_ONLY')
})
