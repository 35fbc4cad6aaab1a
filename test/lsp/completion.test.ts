// Completion over JSON-RPC: key strings, relation names (nested preload callbacks included) and
// query columns; items replace the whole string content; nothing outside Lucid strings.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { CompletionItem, Position, Range, TextEdit } from 'vscode-languageserver'
import { withCursor } from '../support/cursor'
import { LspHarness } from '../support/lsp-harness'
import { createTempApp, type TempApp } from '../support/temp-app'

const USER = `import { BaseModel, column, hasMany, hasOne } from '@adonisjs/lucid/orm'
import type { HasMany, HasOne } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'
import Profile from '#models/profile'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare uuid: string

  @column()
  declare email: string

  @hasMany(() => Post, { KEYS })
  declare posts: HasMany<typeof Post>

  @hasOne(() => Profile)
  declare profile: HasOne<typeof Profile>
}
`
const POST = `import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

export default class Post extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare authorUuid: string

  @column()
  declare title: string

  @column.dateTime()
  declare createdAt: DateTime

  @belongsTo(() => User)
  declare author: BelongsTo<typeof User>
}
`
const PROFILE = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Profile extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number
}
`
const controller = (body: string) =>
  `import User from '#models/user'\n\nexport async function run() {\n  ${body}\n}\n`

let app: TempApp
let lsp: LspHarness
const opened = new Map<string, string>()

before(async () => {
  app = createTempApp({
    'app/models/user.ts': USER.replace('{ KEYS }', '{}'),
    'app/models/post.ts': POST,
    'app/models/profile.ts': PROFILE,
  })
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

function positionOf(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split('\n')
  return { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 }
}

/** Completion at the `|` of `marked`, with the text written to `relative` (open or not yet). */
async function complete(
  relative: string,
  marked: string,
): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, offset } = withCursor(marked)
  // A document opened again must change version, or the project would keep its old text.
  let uri = opened.get(relative)
  if (uri) await lsp.replace(uri, text)
  else opened.set(relative, (uri = await lsp.open(app.file(relative), text)))
  const result: CompletionItem[] | null = await lsp.client.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(text, offset),
  })
  return { items: result ?? [], text }
}

/** Labels in the order an editor shows them (by sortText, then label). */
function ordered(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label)
}

function contentRange(text: string, literal: string): Range {
  const start = text.indexOf(literal) + 1
  return { start: positionOf(text, start), end: positionOf(text, start + literal.length - 2) }
}

test('foreignKey offers the related model columns, same type as the localKey first, default preselected', async () => {
  const { items, text } = await complete('app/models/user.ts', USER.replace('KEYS', "foreignKey: 'us|er'"))
  assert.deepEqual(ordered(items), ['id', 'userId', 'authorUuid', 'createdAt', 'title'])
  const userId = items.find((i) => i.label === 'userId')
  assert.equal(userId?.detail, 'column user_id · number (default)')
  assert.equal(userId?.preselect, true)
  assert.match(JSON.stringify(userId?.documentation), /Post/)
  assert.match(JSON.stringify(userId?.documentation), /camelCase\(\\"User\\" \+ \\"_\\" \+ \\"id\\"\)/)
  assert.equal(items.find((i) => i.label === 'createdAt')?.detail, 'column created_at · DateTime')
  assert.equal(items.filter((i) => i.preselect).length, 1)
  // The edit replaces the whole content `user`, not just `us` before the cursor.
  for (const item of items) {
    assert.deepEqual(item.textEdit, { range: contentRange(text, "'user'"), newText: item.label })
  }
})

test('localKey offers the parent columns, typed like an explicit foreignKey first', async () => {
  const { items } = await complete(
    'app/models/user.ts',
    USER.replace('KEYS', "localKey: '|', foreignKey: 'authorUuid'"),
  )
  assert.deepEqual(ordered(items), ['email', 'uuid', 'id'])
  const id = items.find((i) => i.label === 'id')
  assert.equal(id?.detail, 'column id · number (default)')
  assert.equal(id?.preselect, true)
})

test('relation names of the query model, and of the related model inside a preload callback', async () => {
  const top = await complete('app/controllers/a.ts', controller("await User.query().preload('|')"))
  assert.deepEqual(ordered(top.items), ['posts', 'profile'])
  assert.equal(top.items.find((i) => i.label === 'posts')?.detail, 'hasMany → Post')
  assert.equal(top.items.find((i) => i.label === 'profile')?.detail, 'hasOne → Profile')
  const nested = await complete(
    'app/controllers/b.ts',
    controller("await User.query().preload('posts', (q) => q.preload('|'))"),
  )
  assert.deepEqual(
    nested.items.map((i) => `${i.label}: ${i.detail}`),
    ['author: belongsTo → User'],
  )
  const related = await complete(
    'app/controllers/c.ts',
    controller("const user = await User.findOrFail(1)\n  await user.related('po|').query()"),
  )
  assert.deepEqual(ordered(related.items), ['posts', 'profile'])
  assert.deepEqual(
    (related.items[0]?.textEdit as TextEdit | undefined)?.range,
    contentRange(related.text, "'po'"),
  )
  // While typing, before the closing quote exists: the content runs to the end of the token.
  const open = await complete('app/controllers/c2.ts', controller("await User.query().withCount('pro|"))
  assert.deepEqual(ordered(open.items), ['posts', 'profile'])
  const start = open.text.indexOf("'pro") + 1
  assert.deepEqual((open.items[0]?.textEdit as TextEdit | undefined)?.range, {
    start: positionOf(open.text, start),
    end: positionOf(open.text, start + 3),
  })
})

test('columns complete as attributes, except in groupOrderBy which takes column names', async () => {
  const where = await complete('app/controllers/d.ts', controller("await User.query().where('|', 1)"))
  assert.deepEqual(
    where.items.map((i) => `${i.label}: ${i.detail}`),
    ['id: column id · number', 'uuid: column uuid · string', 'email: column email · string'],
  )
  const ordering = await complete(
    'app/controllers/e.ts',
    controller("await User.query().preload('posts', (q) => q.orderBy('created|At'))"),
  )
  assert.ok(
    ordering.items.some((i) => i.label === 'createdAt' && i.detail === 'column created_at · DateTime'),
  )
  const group = await complete(
    'app/controllers/f.ts',
    controller("await User.query().preload('posts', (q) => q.groupLimit(2).groupOrderBy('|', 'desc'))"),
  )
  assert.deepEqual(
    group.items.map((i) => i.label),
    ['id', 'user_id', 'author_uuid', 'title', 'created_at'],
  )
  const createdAt = group.items.find((i) => i.label === 'created_at')
  assert.match(String(createdAt?.detail), /createdAt.*groupOrderBy takes column names/)
})

test('nothing outside Lucid strings', async () => {
  for (const [file, marked] of [
    ['app/controllers/g.ts', controller("console.log('|')")],
    ['app/controllers/h.ts', controller('await User.query().preload(|)')],
    ['app/controllers/i.ts', controller("await User.query().preload('posts'|)")],
    ['app/models/user.ts', USER.replace('{ KEYS }', '{}').replace('declare posts', 'declare po|sts')],
  ] as const) {
    const { items } = await complete(file, marked)
    assert.deepEqual(items, [], marked)
  }
})
