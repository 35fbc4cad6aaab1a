// The refactors on hasMany/hasOne decorators: "Make default keys explicit" and its inverse keep
// the options object's layout, change nothing Lucid does (no diagnostics) and undo each other.
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import type { CodeAction, Position } from 'vscode-languageserver/node'
import { LspHarness } from '../support/lsp-harness'
import { createTempApp, type TempApp } from '../support/temp-app'
import { FixRunner } from './fix-runner'

const USER = `import { BaseModel, belongsTo, column, hasMany, hasOne } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, HasOne } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, { serializeAs: 'articles' })
  declare articles: HasMany<typeof Post>

  @hasMany(() => Post, {
    serializeAs: 'drafts',
    onQuery: (q) => q.whereNull('published_at'),
  })
  declare drafts: HasMany<typeof Post>

  @hasMany(() => Post, {
    localKey: 'id',
    serializeAs: 'mixed',
    foreignKey: 'userId',
  })
  declare mixed: HasMany<typeof Post>

  @hasMany(() => Post, { serializeAs: 'tail', localKey: 'id', foreignKey: 'userId' })
  declare tail: HasMany<typeof Post>

  @hasOne(() => Post, {})
  declare latest: HasOne<typeof Post>

  @column()
  declare postId: number | null

  @belongsTo(() => Post)
  declare pinned: BelongsTo<typeof Post>
}
`

let app: TempApp
let lsp: LspHarness
let run: FixRunner
let uri: string

before(async () => {
  app = createTempApp({ 'app/models/user.ts': USER })
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  run = new FixRunner(lsp)
  uri = await run.open(app.file('app/models/user.ts'))
})
afterEach(() => run.restore())
after(async () => {
  await lsp.stop()
  app.remove()
})

/** The cursor on the decorator of `property`: inside the `@has...` name two lines above it. */
function cursorAbove(property: string, linesAbove: number): Position {
  const lines = run.text(uri).split('\n')
  const line = lines.findIndex((l) => l.includes(`declare ${property}:`)) - linesAbove
  return { line, character: 4 }
}

async function refactor(
  property: string,
  linesAbove: number,
  title: string,
): Promise<CodeAction | undefined> {
  const at = cursorAbove(property, linesAbove)
  const actions = await run.actions(uri, { start: at, end: at }, [], ['refactor'])
  return actions.find((a) => a.title === title)
}

async function apply(property: string, linesAbove: number, title: string): Promise<string> {
  const action = await refactor(property, linesAbove, title)
  assert.ok(action, `"${title}" offered on ${property}`)
  assert.equal(action.kind, 'refactor.rewrite')
  await run.apply(action)
  assert.deepEqual(await lsp.pull(uri), [], 'the refactor changes nothing Lucid does')
  return run.text(uri)
}

test('make explicit creates the options object; remove deletes it again', async () => {
  const explicit = await apply('posts', 1, 'Make default keys explicit')
  assert.ok(
    explicit.includes("@hasMany(() => Post, { foreignKey: 'userId', localKey: 'id' })\n  declare posts"),
  )
  assert.equal(await apply('posts', 1, 'Remove keys equal to the defaults'), USER)
})

test('an inline options object stays inline', async () => {
  const explicit = await apply('articles', 1, 'Make default keys explicit')
  assert.ok(explicit.includes("{ foreignKey: 'userId', localKey: 'id', serializeAs: 'articles' })"))
  assert.equal(await apply('articles', 1, 'Remove keys equal to the defaults'), USER)
})

test('a multi-line options object gets one key per line', async () => {
  const explicit = await apply('drafts', 4, 'Make default keys explicit')
  assert.ok(
    explicit.includes(
      "  @hasMany(() => Post, {\n    foreignKey: 'userId',\n    localKey: 'id',\n    serializeAs: 'drafts',\n",
    ),
  )
  assert.equal(await apply('drafts', 6, 'Remove keys equal to the defaults'), USER)
})

test('remove deletes whole lines in a multi-line object and trailing runs inline', async () => {
  const mixed = await apply('mixed', 5, 'Remove keys equal to the defaults')
  assert.ok(mixed.includes("  @hasMany(() => Post, {\n    serializeAs: 'mixed',\n  })\n  declare mixed"))
  const tail = await apply('tail', 1, 'Remove keys equal to the defaults')
  assert.ok(tail.includes("@hasMany(() => Post, { serializeAs: 'tail' })"))
})

test('hasOne uses the same defaults; an empty object is filled', async () => {
  const explicit = await apply('latest', 1, 'Make default keys explicit')
  assert.ok(explicit.includes("@hasOne(() => Post, { foreignKey: 'userId', localKey: 'id' })"))
})

test('only what applies is offered: nothing for belongsTo, outside decorators or for complete keys', async () => {
  assert.equal(await refactor('pinned', 1, 'Make default keys explicit'), undefined)
  assert.equal(await refactor('posts', 0, 'Make default keys explicit'), undefined, 'on the property line')
  assert.equal(await refactor('posts', 1, 'Remove keys equal to the defaults'), undefined)
  assert.equal(await refactor('mixed', 5, 'Make default keys explicit'), undefined)
})

test('with diagnostics disabled refactors remain and quick fixes are not offered', async () => {
  const quiet = await LspHarness.start({
    pull: true,
    rootPath: app.root,
    settings: { diagnostics: { enable: false } },
  })
  try {
    const broken = USER.replace("foreignKey: 'userId' })", "foreignKey: 'usrId' })")
    const doc = await quiet.open(app.file('app/models/user.ts'), broken)
    const line = broken.split('\n').findIndex((l) => l.includes("'usrId'"))
    const range = { start: { line, character: 0 }, end: { line, character: 90 } }
    const actions: CodeAction[] = await quiet.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: doc },
      range,
      context: { diagnostics: [] },
    })
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['refactor.rewrite'],
    )
  } finally {
    await quiet.stop()
  }
})
