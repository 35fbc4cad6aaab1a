// The preview requests over JSON-RPC against the example app's seeded SQLite database: models, rows,
// previews (reads, dry-run writes, variables), cancellation and the time limit, and the problems a
// user can act on.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import { CancellationTokenSource } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import {
  MODELS_REQUEST,
  NO_DATABASE_CODES,
  placeholder,
  PREVIEW_REQUEST,
  ROWS_REQUEST,
  type ModelsResult,
  type PreviewAnswer,
  type PreviewParams,
  type RowsResult,
} from '../../server/src/protocol'
import { NO_CONFIG_HINT } from '../../server/src/database/database-target'
import { LspHarness } from '../support/lsp-harness'
import { createTempApp } from '../support/temp-app'
import { repoRoot } from '../support/paths'

const SLOW_MODEL = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SlowNumber extends BaseModel {
  static table = 'slow_numbers'

  @column({ isPrimary: true })
  declare id: number
}
`

/** A view whose first row takes minutes: one SQLite step that only killing its process stops. */
const SLOW_VIEW =
  'create view slow_numbers as with recursive c(x) as (select 1 union all select x + 1 from c) ' +
  'select x as id from c where x % 1000000000000 = 0'

let app: string
let db: string
let lsp: LspHarness
let userUri: string

before(async () => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-lsp-preview-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  db = path.join(app, 'tmp', 'db.sqlite3')
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  fs.writeFileSync(path.join(app, 'app', 'models', 'slow_number.ts'), SLOW_MODEL)
  const handle = new Database(db)
  handle.exec(SLOW_VIEW)
  handle.close()
  lsp = await LspHarness.start({ pull: true, rootPath: app, settings: {} })
  userUri = pathToUri(path.join(app, 'app', 'models', 'user.ts'))
})
after(async () => {
  await lsp.stop()
  fs.rmSync(app, { recursive: true, force: true })
})

const checksum = () => createHash('sha256').update(fs.readFileSync(db)).digest('hex')

function preview(params: Omit<PreviewParams, 'uri'>, harness = lsp): Promise<PreviewAnswer> {
  return harness.client.sendRequest(PREVIEW_REQUEST, { uri: userUri, ...params })
}

/** A SQL-only answer (no database), its statements' SQL only. */
function sqlOf(answer: PreviewAnswer) {
  assert.equal(answer.kind, 'sql', JSON.stringify(answer))
  const { dialect, statements, message, hint, code } = answer as Extract<PreviewAnswer, { kind: 'sql' }>
  return {
    dialect,
    sql: statements.map((s) => s.sql),
    message,
    ...(hint ? { hint } : {}),
    ...(code ? { code } : {}),
  }
}

function result(answer: PreviewAnswer): Extract<PreviewAnswer, { kind: 'result' }> {
  assert.equal(answer.kind, 'result', JSON.stringify(answer))
  return answer as Extract<PreviewAnswer, { kind: 'result' }>
}

test('models: each model with its table, columns and relations, keys resolved, findings on relations', async () => {
  const answer: ModelsResult = await lsp.client.sendRequest(MODELS_REQUEST, { uri: userUri })
  assert.equal(answer.apps.length, 1)
  const models = answer.apps[0]?.models ?? []
  const user = models.find((m) => m.name === 'User')
  assert.deepEqual(
    { ...user, relations: undefined },
    {
      name: 'User',
      table: 'users',
      primaryKey: 'id',
      uri: userUri,
      line: 7,
      columns: ['id', 'organizationUuid', 'fullName', 'email', 'createdAt', 'updatedAt'],
      columnNames: ['id', 'organization_uuid', 'full_name', 'email', 'created_at', 'updated_at'],
      relations: undefined,
    },
  )
  assert.deepEqual(user?.relations[0], {
    name: 'posts',
    kind: 'hasMany',
    relatedModel: 'Post',
    localKey: 'id',
    foreignKey: 'userId',
    problems: [],
    previewable: true,
  })
  const post = models.find((m) => m.name === 'Post')
  assert.deepEqual(
    post?.relations.map((r) => [r.name, r.kind, r.localKey, r.foreignKey, r.previewable]),
    [
      ['author', 'belongsTo', 'id', 'userId', true],
      ['category', 'belongsTo', 'id', 'categoryId', true],
      ['comments', 'hasMany', 'id', 'postId', true],
      ['approvedComments', 'hasMany', 'id', 'post_id', true],
      ['tags', 'manyToMany', 'id', undefined, true],
    ],
  )
  // manyToMany is described by its pivot table, with Lucid's relatedKey under its own name.
  const tags = post?.relations.find((r) => r.name === 'tags')
  assert.deepEqual(
    [tags?.relatedKey, tags?.pivot],
    ['id', { table: 'post_tag', foreignKey: 'post_id', relatedForeignKey: 'tag_id' }],
  )
  const approved = post?.relations.find((r) => r.name === 'approvedComments')
  assert.deepEqual(approved?.problems, ['LL103'])
  // Without a document: every app the server knows.
  const all: ModelsResult = await lsp.client.sendRequest(MODELS_REQUEST, {})
  assert.deepEqual(
    all.apps.map((a) => a.root),
    [app],
  )
})

test('rows: the key, a readable label and details, in key order, filtered by the search text', async () => {
  const users: RowsResult = await lsp.client.sendRequest(ROWS_REQUEST, { uri: userUri, model: 'User' })
  assert.equal(users.kind, 'rows', JSON.stringify(users))
  if (users.kind !== 'rows') return
  assert.equal(users.target, 'sqlite tmp/db.sqlite3')
  assert.equal(users.keyAttribute, 'id')
  assert.equal(users.labelAttribute, 'email')
  assert.equal(users.rows.length, 12)
  assert.deepEqual(users.rows[0], {
    key: 1,
    label: 'user1@example.com',
    // Readable columns first: the organization's uuid would push them out of view.
    detail:
      'fullName: User 1 · createdAt: 2026-01-01T09:30:00.000+00:00 · updatedAt: 2026-01-02T09:30:00.000+00:00',
  })
  const search = async (text: string, limit?: number) => {
    const answer: RowsResult = await lsp.client.sendRequest(ROWS_REQUEST, {
      uri: userUri,
      model: 'User',
      search: text,
      limit,
    })
    return answer.kind === 'rows' ? answer.rows.map((r) => r.key) : answer
  }
  assert.deepEqual(await search('USER1'), [1, 10, 11, 12])
  assert.deepEqual(await search('3'), [3])
  assert.deepEqual(await search('user', 2), [1, 2])
  assert.deepEqual(await search("x' or 1=1 --"), [])
  const posts: RowsResult = await lsp.client.sendRequest(ROWS_REQUEST, {
    uri: userUri,
    model: 'Post',
    limit: 1,
  })
  assert.equal(posts.kind === 'rows' && posts.labelAttribute, 'title')
  const unknown: RowsResult = await lsp.client.sendRequest(ROWS_REQUEST, { uri: userUri, model: 'Author' })
  assert.equal(unknown.kind === 'error' && unknown.code, 'E_PLAN')
})

test('preview: a read runs read-only and answers with the plan, the target and the result', async () => {
  const answer = result(
    await preview({
      expression: "await User.findOrFail(2).related('posts').query().orderBy('id').limit(2);",
    }),
  )
  assert.equal(answer.target, 'sqlite tmp/db.sqlite3')
  assert.equal(answer.dryRun, false)
  assert.equal(answer.plan.model, 'User')
  assert.deepEqual(
    answer.result.statements.map((s) => s.sql),
    [
      'select * from `users` where `id` = ? limit ?',
      'select * from `posts` where `user_id` = ? order by `id` asc limit ?',
    ],
  )
  assert.equal((answer.result.result as unknown[]).length, 2)
  const capped = result(await preview({ expression: 'Comment.query()', rowCap: 5 }))
  assert.equal(capped.result.truncated, true)
  assert.equal((capped.result.result as unknown[]).length, 5)
})

test('preview: a write runs as a dry run and the database file is unchanged', async () => {
  const before = checksum()
  const answer = result(
    await preview({
      expression:
        "User.findOrFail(2).related('posts').create({ title: 'Dry', slug: 'dry', isPublished: false })",
    }),
  )
  assert.equal(answer.dryRun, true)
  assert.ok(answer.result.statements.some((s) => /^insert into `posts`/.test(s.sql)))
  assert.ok(answer.result.warnings.includes('rolled back: nothing was written'))
  assert.equal(checksum(), before)
})

test('preview with explain: each read carries its plan tree; analyze of a dry run changes nothing', async () => {
  const expression = "User.query().where('id', 2).preload('posts')"
  const planned = result(await preview({ expression, explain: 'plan' }))
  for (const statement of planned.result.statements) {
    assert.equal(statement.plan?.dialect, 'sqlite', statement.sql)
    assert.ok((statement.plan?.nodes.length ?? 0) > 0)
  }
  const posts = planned.result.statements[1]?.plan?.nodes[0]
  assert.deepEqual([posts?.table, posts?.fullScan], ['posts', false])
  const plain = result(await preview({ expression }))
  assert.ok(plain.result.statements.every((s) => s.plan === undefined))
  assert.deepEqual(planned.result.result, plain.result.result)
  // An unknown mode is no plan, not a failure.
  const unknown = result(await preview({ expression, explain: 'verbose' as 'plan' }))
  assert.ok(unknown.result.statements.every((s) => s.plan === undefined))
  const before = checksum()
  const write = result(
    await preview({
      expression:
        "User.findOrFail(2).related('posts').create({ title: 'Dry', slug: 'dry', isPublished: false })",
      explain: 'analyze',
    }),
  )
  assert.equal(write.dryRun, true)
  assert.ok(write.result.statements[0]?.plan)
  assert.equal(checksum(), before)
})

test('preview: a chain on an unbound variable asks for it, then runs from the bound row', async () => {
  const expression = "user.related('posts').query().orderBy('id')"
  assert.deepEqual(await preview({ expression }), {
    kind: 'needsVariables',
    variables: [{ name: 'user', model: 'User' }],
  })
  assert.deepEqual(await preview({ expression: "draft.related('comments').query()" }), {
    kind: 'needsVariables',
    variables: [{ name: 'draft' }],
  })
  const answer = result(await preview({ expression, variables: { user: { model: 'User', key: 3 } } }))
  assert.deepEqual(answer.result.statements[0]?.bindings, [3, 1])
  assert.ok((answer.result.result as { userId: number }[]).every((p) => p.userId === 3))
  const missing = await preview({ expression, variables: { user: { model: 'User', key: 999 } } })
  assert.deepEqual(missing, { kind: 'error', message: 'Row not found', code: 'E_ROW_NOT_FOUND' })
})

test('preview: an argument that is a variable is asked for, then bound to the value given', async () => {
  const expression = "User.query().orderBy('id').paginate(page, 2)"
  assert.deepEqual(await preview({ expression }), {
    kind: 'needsVariables',
    variables: [{ name: 'page', value: true }],
  })
  const answer = result(await preview({ expression, values: { page: 2 } }))
  assert.deepEqual(answer.plan.calls.at(-1), {
    method: 'paginate',
    args: [
      { kind: 'value', value: 2 },
      { kind: 'value', value: 2 },
    ],
  })
  assert.equal((answer.result.result as { meta: { currentPage: number } }).meta.currentPage, 2)
})

test('preview: a row bound to a placeholder (no rows to pick) shows the SQL, with the database unread', async () => {
  const before = checksum()
  const answer = sqlOf(
    await preview({
      expression: "user.related('posts').query()",
      variables: { user: { model: 'User', key: placeholder('User', 'id') } },
    }),
  )
  assert.deepEqual(answer, {
    dialect: 'SQLite',
    sql: ['select * from `users` where `id` = ? limit ?', 'select * from `posts` where `user_id` = ?'],
    message: 'Not run: "user" is a placeholder (<User.id>): no User row could be listed.',
    hint: 'Previews run from a real row: add a User (a seeder, or the app), or run node ace migration:run if its table is missing.',
    code: 'E_NO_ROWS',
  })
  assert.equal(checksum(), before)
})

test('preview: problems come back as answers with a message, a hint and a code', async () => {
  const syntax = await preview({ expression: "User.query().where('id', params.id)" })
  assert.equal(syntax.kind === 'error' && syntax.code, 'E_PLAN')
  assert.match(syntax.kind === 'error' ? (syntax.hint ?? '') : '', /\^$/)
  const model = await preview({ expression: 'Author.query()' })
  assert.deepEqual(model.kind === 'error' && [model.message, model.code], [
    '"Author" is not a Lucid model of this app.',
    'E_PLAN',
  ])
  const outside = await lsp.client.sendRequest(PREVIEW_REQUEST, {
    uri: pathToUri(path.join(os.tmpdir(), 'elsewhere.ts')),
    expression: 'User.query()',
  })
  assert.equal((outside as PreviewAnswer).kind === 'error' && (outside as { code?: string }).code, 'E_SETUP')
})

test('cancelling a preview kills the statement running in SQLite and answers E_CANCELLED', async () => {
  const source = new CancellationTokenSource()
  const started = Date.now()
  const answer: Promise<PreviewAnswer> = lsp.client.sendRequest(
    PREVIEW_REQUEST,
    { uri: userUri, expression: 'SlowNumber.query()' },
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
  const strict = await LspHarness.start({
    pull: true,
    rootPath: app,
    settings: { preview: { timeoutMs: 300 } },
  })
  t.after(() => strict.stop())
  const answer = await preview({ expression: 'SlowNumber.query()' }, strict)
  assert.deepEqual(answer, {
    kind: 'error',
    message: 'The preview took longer than 300 ms and was stopped.',
    hint: 'Narrow the query (a where, a limit) or raise lucidLens.preview.timeoutMs.',
    code: 'E_TIMEOUT',
  })
})

test('an untrusted workspace (database.enable off) answers E_DISABLED and reads nothing', async (t) => {
  const off = await LspHarness.start({ pull: true, rootPath: app, settings: { database: { enable: false } } })
  t.after(() => off.stop())
  const disabled = {
    kind: 'error',
    code: 'E_DISABLED',
    message: 'Database access is turned off (lucidLens.database.enable, or the workspace is not trusted)',
  }
  const before = checksum()
  // The preview still shows the SQL Lucid would send, compiled without any connection.
  assert.deepEqual(sqlOf(await preview({ expression: 'User.query()' }, off)), {
    dialect: 'SQLite',
    sql: ['select * from `users`'],
    message: `Not run: ${disabled.message}`,
    code: 'E_DISABLED',
  })
  assert.deepEqual(await off.client.sendRequest(ROWS_REQUEST, { uri: userUri, model: 'User' }), disabled)
  assert.equal(checksum(), before)
})

test('a missing SQLite file, from the settings or from config/database.ts, says how to create it', async (t) => {
  const missing = await LspHarness.start({
    pull: true,
    rootPath: app,
    settings: { database: { connection: 'sqlite', file: 'tmp/nothing.sqlite3' } },
  })
  t.after(() => missing.stop())
  assert.deepEqual(sqlOf(await preview({ expression: 'User.query()' }, missing)), {
    dialect: 'SQLite',
    sql: ['select * from `users`'],
    code: 'E_SETUP',
    message:
      'Not run: The SQLite database tmp/nothing.sqlite3 does not exist yet (node ace migration:run creates it).',
    hint: 'Run node ace migration:run.',
  })
  assert.equal(fs.existsSync(path.join(app, 'tmp', 'nothing.sqlite3')), false)
  const empty = await LspHarness.start({
    pull: true,
    rootPath: app,
    settings: { database: { connection: 'sqlite' } },
  })
  t.after(() => empty.stop())
  const answer = await empty.client.sendRequest(ROWS_REQUEST, { uri: userUri, model: 'User' })
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
