// Hovers over JSON-RPC: the relation card on a property, a decorator, a key string and a relation
// name in a usage; the model card on a class name; findings and the Lucid generation in the card.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver'
import { LspHarness } from '../support/lsp-harness'
import { copyFixture, createTempApp, type TempApp } from '../support/temp-app'

const USER = `import { BaseModel, column, hasMany, hasManyThrough, hasOne } from '@adonisjs/lucid/orm'
import type { HasMany, HasManyThrough, HasOne } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'
import Comment from '#models/comment'
import Profile from '#models/profile'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, {
    foreignKey: 'authorId',
    serializeAs: 'writings',
    onQuery: (query) => query.where('isPublished', true),
  })
  declare articles: HasMany<typeof Post>

  @hasMany(() => Comment)
  declare comments: HasMany<typeof Comment>

  @hasOne(() => Profile)
  declare profile: HasOne<typeof Profile>

  @hasManyThrough([() => Comment, () => Post])
  declare postComments: HasManyThrough<typeof Comment>
}
`
const POST = `import { BaseModel, belongsTo, column, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Tag from '#models/tag'

export default class Post extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column({ columnName: 'writer_id' })
  declare authorId: number

  @column()
  declare isPublished: boolean

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @manyToMany(() => Tag)
  declare tags: ManyToMany<typeof Tag>

  @manyToMany(() => Tag, { pivotTable: 'post_labels', pivotColumns: ['position'] })
  declare labels: ManyToMany<typeof Tag>
}
`
const TAG = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Tag extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string
}
`
const COMMENT = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Comment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare postId: number
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
const CONTROLLER = `import User from '#models/user'

export default class UsersController {
  async show(id: number) {
    const user = await User.findOrFail(id)
    await user.load('posts')
    return User.query().withCount('nope')
  }
}
`

let app: TempApp
let lsp: LspHarness
/** Every hover reads the files as written above, so each document is opened once. */
const opened = new Map<string, string>()

before(async () => {
  app = createTempApp({
    'app/models/user.ts': USER,
    'app/models/post.ts': POST,
    'app/models/comment.ts': COMMENT,
    'app/models/profile.ts': PROFILE,
    'app/models/tag.ts': TAG,
    'app/controllers/users_controller.ts': CONTROLLER,
  })
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

/** The position of the `|` in `marker`, found (without the `|`) in `text`. */
function at(text: string, marker: string): Position {
  const bar = marker.indexOf('|')
  const found = text.indexOf(marker.replace('|', ''))
  assert.ok(bar >= 0 && found >= 0, `marker ${marker} not found`)
  return positionOf(text, found + bar)
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length - 1, character: before[before.length - 1]?.length ?? 0 }
}

/** The range of `word` where it follows `before` in `text`. */
function rangeOf(text: string, word: string, before = ''): Range {
  const found = text.indexOf(before + word)
  assert.ok(found >= 0, `${before}${word} not found`)
  const start = found + before.length
  return { start: positionOf(text, start), end: positionOf(text, start + word.length) }
}

async function hover(relative: string, text: string, marker: string): Promise<Hover | null> {
  const uri = opened.get(relative) ?? (await lsp.open(app.file(relative), text))
  opened.set(relative, uri)
  return lsp.client.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: at(text, marker),
  })
}

function markdown(result: Hover | null): string {
  assert.ok(result, 'a hover was expected')
  const contents = result.contents as MarkupContent
  assert.equal(contents.kind, 'markdown')
  return contents.value
}

test('the relation property shows kind, related model, default keys, SQL and the Lucid version', async () => {
  const result = await hover('app/models/user.ts', USER, 'declare po|sts')
  const value = markdown(result)
  assert.match(value, /^\*\*User\.posts\*\*: hasMany → Post \(table `posts`\)/)
  assert.ok(value.includes('| localKey | `User.id` | `users.id` | default: the primary key of User |'), value)
  assert.ok(
    value.includes(
      '| foreignKey | `Post.userId` | `posts.user_id` | default: camelCase("User" + "_" + "id") |',
    ),
    value,
  )
  assert.ok(value.includes('serializeAs `posts` (default: the relation name)'), value)
  // Compiled by the preview engine for the app's dialect (SQLite, assumed: this app has no database).
  assert.ok(
    value.includes(
      "SQL of `related('posts').query()` for SQLite (assumed: no database is configured):\n\n" +
        '```sql\nselect * from `posts` where `user_id` = ?\n```',
    ),
    value,
  )
  assert.ok(
    value.includes('Lucid v6 (Lucid 20/21) naming rules (from package.json `@adonisjs/lucid` ^21.1.0)'),
  )
  assert.ok(!value.includes('⚠'), 'a correct relation has no finding')
  assert.deepEqual(result?.range, rangeOf(USER, 'posts', 'declare '))
})

test('the decorator name shows the same card over its own range', async () => {
  const result = await hover('app/models/user.ts', USER, '@has|Many(() => Post)')
  assert.match(markdown(result), /^\*\*User\.posts\*\*: hasMany → Post/)
  assert.deepEqual(result?.range, rangeOf(USER, 'hasMany', '@'))
})

test('an explicit key string emphasises its row and says it is explicit', async () => {
  const result = await hover('app/models/user.ts', USER, "foreignKey: 'auth|orId'")
  const value = markdown(result)
  assert.match(value, /^\*\*User\.articles\*\*: hasMany → Post/)
  assert.ok(
    value.includes('| **foreignKey** | **`Post.authorId`** | **`posts.writer_id`** | **explicit** |'),
    value,
  )
  assert.ok(value.includes('| localKey | `User.id` | `users.id` | default: the primary key of User |'))
  assert.ok(value.includes("serializeAs `writings` · onQuery: `(query) => query.where('isPublished', true)`"))
  // onQuery's wheres come first, as Lucid wraps them before the relation's constraint.
  assert.ok(value.includes('select * from `posts` where (`is_published` = ?) and (`writer_id` = ?)'), value)
  assert.deepEqual(result?.range, rangeOf(USER, "'authorId'"))
})

test('a relation with a finding lists it and shows no SQL', async () => {
  const value = markdown(await hover('app/models/user.ts', USER, 'declare com|ments'))
  assert.ok(value.includes('| foreignKey | `Comment.userId` | not a column of Comment |'), value)
  assert.match(value, /⚠ LL104: "User\.comments" uses the default foreignKey "userId"/)
  assert.ok(!value.includes('```sql'), value)
})

test('hasOne and belongsTo get the same card: keys with property and column, and the SQL', async () => {
  const profile = markdown(await hover('app/models/user.ts', USER, 'declare pro|file'))
  assert.match(profile, /^\*\*User\.profile\*\*: hasOne → Profile \(table `profiles`\)/)
  assert.ok(profile.includes('| foreignKey | `Profile.userId` | `profiles.user_id` |'), profile)
  assert.ok(profile.includes('```sql\nselect * from `profiles` where `user_id` = ? limit ?\n```'), profile)
  const user = markdown(await hover('app/models/post.ts', POST, 'declare us|er:'))
  assert.match(user, /^\*\*Post\.user\*\*: belongsTo → User \(table `users`\)/)
  assert.ok(user.includes('| localKey | `User.id` | `users.id` | default: the primary key of User |'), user)
  assert.ok(
    user.includes(
      '| foreignKey | `Post.userId` | `posts.user_id` | default: camelCase("User" + "_" + "id") |',
    ),
    user,
  )
  assert.ok(user.includes('```sql\nselect * from `users` where `id` = ? limit ?\n```'), user)
})

test('manyToMany: both keys, the pivot table and its key columns, and the SQL with the join', async () => {
  const tags = markdown(await hover('app/models/post.ts', POST, 'declare ta|gs'))
  assert.match(tags, /^\*\*Post\.tags\*\*: manyToMany → Tag \(table `tags`\)/)
  for (const line of [
    '| localKey | `Post.id` | `posts.id` | default: the primary key of Post |',
    "| relatedKey | `Tag.id` | `tags.id` | default: Lucid's default relatedKey: the primary key name of Post |",
    '| pivotTable | (no model) | `post_tag` | default: snake_case of both model names, sorted |',
    '| pivotForeignKey | (pivot) | `post_tag.post_id` | holds localKey |',
    '| pivotRelatedForeignKey | (pivot) | `post_tag.tag_id` | holds relatedKey |',
  ])
    assert.ok(tags.includes(line), `${line}\n---\n${tags}`)
  assert.ok(
    tags.includes(
      '```sql\nselect `tags`.*, `post_tag`.`post_id` as `pivot_post_id`, `post_tag`.`tag_id` as `pivot_tag_id` ' +
        'from `tags` inner join `post_tag` on `tags`.`id` = `post_tag`.`tag_id` where `post_tag`.`post_id` = ?\n```',
    ),
    tags,
  )
  const explicit = markdown(await hover('app/models/post.ts', POST, 'declare lab|els'))
  assert.ok(explicit.includes('| pivotTable | (no model) | `post_labels` | explicit |'), explicit)
  assert.ok(
    explicit.includes('| pivotColumns | (pivot) | `post_labels.position` | read as `pivot_position` |'),
    explicit,
  )
})

test('hasManyThrough: the through model, its four keys and the SQL Lucid builds', async () => {
  const value = markdown(await hover('app/models/user.ts', USER, 'declare postCom|ments'))
  assert.match(
    value,
    /^\*\*User\.postComments\*\*: hasManyThrough → Comment \(table `comments`\) through Post \(table `posts`\)/,
  )
  for (const line of [
    '| localKey | `User.id` | `users.id` | default: the primary key of User |',
    '| foreignKey | `Post.userId` | `posts.user_id` | default: camelCase("User" + "_" + "id") |',
    '| throughLocalKey | `Post.id` | `posts.id` | default: the primary key of Post |',
    '| throughForeignKey | `Comment.postId` | `comments.post_id` | default: camelCase("Post" + "_" + "id") |',
  ])
    assert.ok(value.includes(line), `${line}\n---\n${value}`)
  assert.ok(
    value.includes(
      '```sql\nselect `comments`.*, `posts`.`user_id` as `through_user_id` from `comments` ' +
        'inner join `posts` on `posts`.`id` = `comments`.`post_id` where `posts`.`user_id` = ?\n```',
    ),
    value,
  )
})

test('a relation name in a usage shows the card; an unknown one shows nothing', async () => {
  const result = await hover('app/controllers/users_controller.ts', CONTROLLER, "load('po|sts')")
  assert.match(markdown(result), /^\*\*User\.posts\*\*: hasMany → Post/)
  assert.deepEqual(result?.range, rangeOf(CONTROLLER, "'posts'"))
  assert.equal(await hover('app/controllers/users_controller.ts', CONTROLLER, "withCount('no|pe')"), null)
  assert.equal(await hover('app/controllers/users_controller.ts', CONTROLLER, 'const us|er'), null)
})

test('the model class name shows table, primary key, strategy, columns and relations', async () => {
  const result = await hover('app/models/user.ts', USER, 'class Us|er')
  const value = markdown(result)
  assert.ok(
    value.startsWith(
      '**User**: Lucid model · table `users` · primary key `id` · CamelCaseNamingStrategy\n\n2 columns · 5 relations',
    ),
    value,
  )
  for (const line of [
    '- `posts`: hasMany → Post',
    '- `articles`: hasMany → Post',
    '- `comments`: hasMany → Comment',
    '- `profile`: hasOne → Profile',
    '- `postComments`: hasManyThrough → Comment',
  ]) {
    assert.ok(value.includes(line), `${line} in ${value}`)
  }
  assert.deepEqual(result?.range, rangeOf(USER, 'User', 'class '))
})

test('a v5 app says v5 and uses its snake-case strategy', async (t) => {
  const v5 = copyFixture('v5-app')
  const v5lsp = await LspHarness.start({ pull: true, rootPath: v5.root })
  t.after(async () => {
    await v5lsp.stop()
    v5.remove()
  })
  const text = readFileSync(v5.file('app/Models/User.ts'), 'utf8')
  const uri = await v5lsp.open(v5.file('app/Models/User.ts'), text)
  const result: Hover | null = await v5lsp.client.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: at(text, 'public po|sts'),
  })
  const value = markdown(result)
  assert.match(value, /^\*\*User\.posts\*\*: hasMany → Post/)
  assert.ok(value.includes('| foreignKey | `Post.authorId` | `posts.author_ref` | explicit |'), value)
  assert.ok(value.includes('Lucid v5 (Lucid 18) naming rules (from package.json `@adonisjs/lucid` ^18.4.0)'))
  const model: Hover | null = await v5lsp.client.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: at(text, 'class Us|er'),
  })
  assert.ok(markdown(model).includes('SnakeCaseNamingStrategy'))
})
