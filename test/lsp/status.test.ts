// `lucidLens/status`: once an app's document is open, the server tells the client its models,
// relations and development database (read, failing, or turned off), again when any of them
// changes, and never twice the same.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { test } from 'node:test'
import { FileChangeType } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { STATUS_NOTIFICATION, type AppStatus, type StatusParams } from '../../server/src/protocol'
import { copyBlogApp, createBlogDatabase } from '../support/blog-app'
import { LspHarness } from '../support/lsp-harness'
import { copyFixture, createTempApp, type TempApp } from '../support/temp-app'

/** A step that waits for an event that never comes fails instead of hanging. */
const LIMIT = { timeout: 30_000 }

/** Every status the server sends, and a wait for the first (or next) that satisfies a test. */
class StatusLog {
  readonly received: StatusParams[] = []
  private waiters: { test: (p: StatusParams) => boolean; resolve: (p: StatusParams) => void }[] = []

  constructor(lsp: LspHarness) {
    lsp.client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      this.received.push(params)
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(params)) return true
        w.resolve(params)
        return false
      })
    })
  }

  /** The first status received from now on that satisfies `test`. */
  next(test: (p: StatusParams) => boolean): Promise<StatusParams> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }))
  }
}

async function start(
  app: TempApp,
  settings: unknown = {},
  workspaceFolders = false,
): Promise<{ lsp: LspHarness; log: StatusLog }> {
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings, workspaceFolders })
  return { lsp, log: new StatusLog(lsp) }
}

const appOf = (params: StatusParams): AppStatus | undefined => params.apps[0]
const stateIs = (state: AppStatus['database']['state']) => (p: StatusParams) =>
  appOf(p)?.database.state === state

test('the example app with its seeded database: 6 models, 16 relations, database ok', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: true })
  const { lsp, log } = await start(app)
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const ok = log.next(stateIs('ok'))
  const user = await lsp.open(app.file('app/models/user.ts'))
  const status = await ok
  assert.deepEqual(status.apps, [
    {
      root: app.root,
      models: 6,
      relations: 16,
      database: { state: 'ok', label: 'sqlite tmp/db.sqlite3' },
    },
  ])

  // A relation added in the editor changes the count: a new status follows.
  const more = log.next((p) => appOf(p)?.relations === 17)
  const source = fs.readFileSync(app.file('app/models/user.ts'), 'utf8')
  await lsp.replace(
    user,
    source.replace(
      '  @hasMany(() => Comment',
      '  @hasMany(() => Post)\n  declare drafts: HasMany<typeof Post>\n\n  @hasMany(() => Comment',
    ),
  )
  assert.equal(appOf(await more)?.models, 6)
  for (let i = 1; i < log.received.length; i++)
    assert.notDeepEqual(log.received[i], log.received[i - 1], 'a status is sent only when it changed')
})

test('database.enable false: the database is off, and says why', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: true })
  const { lsp, log } = await start(app, { database: { enable: false } })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const off = log.next(stateIs('off'))
  await lsp.open(app.file('app/models/post.ts'))
  assert.deepEqual(appOf(await off), {
    root: app.root,
    models: 6,
    relations: 16,
    database: {
      state: 'off',
      problem: 'lucidLens.database.enable is off or the workspace is not trusted',
    },
  })
})

test('a missing database file is an error with the problem, until the file appears', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: false })
  const { lsp, log } = await start(app)
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const failing = log.next(stateIs('error'))
  await lsp.open(app.file('app/models/post.ts'))
  const database = appOf(await failing)?.database
  assert.equal(database?.label, undefined)
  assert.equal(
    database?.problem,
    'no development database to read: The SQLite database tmp/db.sqlite3 does not exist yet ' +
      '(node ace migration:run creates it).',
  )

  const ok = log.next(stateIs('ok'))
  const file = await createBlogDatabase(app)
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToUri(file), type: FileChangeType.Created }],
  })
  assert.deepEqual(appOf(await ok)?.database, { state: 'ok', label: 'sqlite tmp/db.sqlite3' })
})

test('an app without config/database.ts has no database: none, not an error', LIMIT, async (t) => {
  const app = createTempApp()
  const { lsp, log } = await start(app)
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const none = log.next(stateIs('none'))
  await lsp.open(app.file('app/models/user.ts'))
  const status = appOf(await none)
  assert.deepEqual([status?.models, status?.relations, status?.database.label], [2, 1, undefined])
  assert.equal(
    status?.database.problem,
    'no development database to read: This app has no config/database.ts.',
  )
})

test('a client with workspace folders gets the status before any document is opened', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: true })
  const { lsp, log } = await start(app, {}, true)
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const status = await log.next(stateIs('ok'))
  assert.equal(appOf(status)?.root, app.root)
  assert.equal(appOf(status)?.models, 6)
  assert.equal(appOf(status)?.database.label, 'sqlite tmp/db.sqlite3')
})

test('what the schema checks could not check reaches the status and the log, once', LIMIT, async (t) => {
  const app = copyFixture('twice-app')
  const { lsp, log } = await start(app)
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const noted = log.next((p) => (appOf(p)?.schemaNotes?.length ?? 0) > 0)
  const uri = await lsp.open(app.file('app/models/cook.ts'))
  const status = await noted
  assert.deepEqual(
    appOf(status)?.schemaNotes?.map((n) => n.slice(0, 44)),
    ['Table "recipes" is not checked: 173000000000'],
  )
  await lsp.pull(uri)
  const tag = await lsp.open(app.file('app/models/tag.ts'))
  await lsp.pull(tag)
  // Said once however many files were analysed.
  assert.equal(lsp.logs.filter((m) => m.includes('Table "recipes" is not checked')).length, 1)
})
