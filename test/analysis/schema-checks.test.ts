// The schema checks (LL401-LL406) beyond the fixture app: dialects, settings, relations of every
// kind, and the cases where nothing may be claimed.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import type { Finding } from '../../server/src/analysis'
import { ProjectService, type ProjectServiceOptions } from '../../server/src/project/project-service'
import { createTempApp, POST_MODEL, USER_MODEL, type TempApp } from '../support/temp-app'

const MIGRATION = (body: string) => `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
${body}
  }
}
`
const USERS = `this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email')
    })`
const POSTS = (userId: string) => `this.schema.createTable('posts', (table) => {
      table.increments('id')
      ${userId}
      table.string('title')
    })`
const CONFIG = (client: string) =>
  `export default defineConfig({ connection: 'main', connections: { main: { client: '${client}' } } })`

function app(files: Record<string, string>): TempApp {
  return createTempApp({ 'app/controllers/users_controller.ts': '', ...files })
}

function findings(root: string, options: ProjectServiceOptions = {}): Finding[] {
  const out: Finding[] = []
  for (const project of new ProjectService(ts, options).discover(root))
    for (const file of project.sourceFiles()) out.push(...project.findings(file.fileName))
  return out
}

function codes(root: string, options: ProjectServiceOptions = {}): string[] {
  return findings(root, options).map((f) => `${path.basename(f.fileName)} ${f.code}`)
}

function migrations(...bodies: string[]): Record<string, string> {
  return Object.fromEntries(bodies.map((b, i) => [`database/migrations/${i + 1}_m.ts`, MIGRATION(b)]))
}

test('integer vs bigint is a warning on PostgreSQL and when the dialect is unknown, fine on SQLite', (t) => {
  const files = migrations(USERS, POSTS(`table.bigInteger('user_id').index()`))
  const pg = app({ ...files, 'config/database.ts': CONFIG('pg') })
  const unknown = app(files)
  const sqlite = app({ ...files, 'config/database.ts': CONFIG('better-sqlite3') })
  t.after(() => [pg, unknown, sqlite].forEach((a) => a.remove()))
  const [onPg] = findings(pg.root)
  assert.equal(onPg?.code, 'LL404')
  assert.equal(onPg?.source, 'lucid-lens (schema)')
  assert.match(String(onPg?.message), /according to database\/migrations\. On PostgreSQL, the pg driver/)
  assert.match(String(findings(unknown.root)[0]?.message), /If the app runs on PostgreSQL, the pg driver/)
  assert.deepEqual(codes(sqlite.root), [])
})

test('uuid vs varchar warns on PostgreSQL; integer vs uuid is an error everywhere', (t) => {
  const uuidUsers = `this.schema.createTable('users', (table) => { table.uuid('id').primary()
    table.string('email') })`
  const varchar = app({
    ...migrations(uuidUsers, POSTS(`table.string('user_id').index()`)),
    'config/database.ts': CONFIG('pg'),
  })
  const integer = app({
    ...migrations(uuidUsers, POSTS(`table.integer('user_id').index()`)),
    'config/database.ts': CONFIG('mysql2'),
  })
  t.after(() => [varchar, integer].forEach((a) => a.remove()))
  const [warning] = findings(varchar.root)
  assert.equal(warning?.code, 'LL404')
  assert.match(String(warning?.message), /operator does not exist: uuid = character varying/)
  assert.deepEqual(codes(integer.root), ['user.ts LL403'])
})

test('a foreign key constraint counts as an index on MySQL only', (t) => {
  const files = migrations(USERS, POSTS(`table.integer('user_id').references('users.id')`))
  const mysql = app({ ...files, 'config/database.ts': CONFIG('mysql2') })
  const pg = app({ ...files, 'config/database.ts': CONFIG('pg') })
  t.after(() => [mysql, pg].forEach((a) => a.remove()))
  assert.deepEqual(codes(mysql.root), [])
  const [hint] = findings(pg.root)
  assert.equal(hint?.code, 'LL405')
  assert.equal(hint?.severity, 'hint')
  assert.match(
    String(hint?.message),
    /"User\.posts": posts\.user_id has no index .*"where user_id in \(\.\.\.\)"/,
  )
})

test('an index with the key after a column onQuery may fix (a polymorphic type) is not reported missing', (t) => {
  const comments = `this.schema.createTable('comments', (table) => {
      table.increments('id')
      table.string('commentable_type')
      table.integer('commentable_id')
      table.index(['commentable_type', 'commentable_id'])
    })`
  const relation = (onQuery: string) => `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Comment from '#models/comment'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Comment, { foreignKey: 'commentableId'${onQuery} })
  declare comments: HasMany<typeof Comment>
}
`
  const comment = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Comment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare commentableType: string

  @column()
  declare commentableId: number
}
`
  const files = {
    ...migrations(USERS, comments),
    'app/models/comment.ts': comment,
    'app/models/post.ts': 'export {}\n',
  }
  const filtered = app({
    ...files,
    'app/models/user.ts': relation(`, onQuery: (query) => query.where('commentable_type', 'User')`),
  })
  const unfiltered = app({ ...files, 'app/models/user.ts': relation('') })
  t.after(() => [filtered, unfiltered].forEach((a) => a.remove()))
  assert.deepEqual(codes(filtered.root), [])
  // Without a filter of its own, every preload looks rows up by commentable_id alone.
  assert.deepEqual(codes(unfiltered.root), ['user.ts LL405'])
})

test('settings: schema checks off, or single codes disabled', (t) => {
  const a = app(migrations(USERS, POSTS(`table.integer('user_id')`)))
  t.after(() => a.remove())
  assert.deepEqual(codes(a.root), ['user.ts LL405'])
  assert.deepEqual(codes(a.root, { schemaChecks: { enable: false, disabled: [] } }), [])
  assert.deepEqual(codes(a.root, { schemaChecks: { enable: true, disabled: ['LL405'] } }), [])
})

test('belongsTo: the foreign key column on the parent and the lookup on the related key', (t) => {
  const post = POST_MODEL.replace(
    "import { BaseModel, column } from '@adonisjs/lucid/orm'",
    "import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'\nimport type { BelongsTo } from '@adonisjs/lucid/types/relations'\nimport User from '#models/user'",
  ).replace(
    '  @column()\n  declare title: string',
    `  @column()\n  declare title: string\n\n  @belongsTo(() => User)\n  declare user: BelongsTo<typeof User>\n\n  @belongsTo(() => User, { localKey: 'email', foreignKey: 'title' })\n  declare byEmail: BelongsTo<typeof User>`,
  )
  const a = app({
    'app/models/post.ts': post,
    ...migrations(USERS, POSTS(`table.integer('author_id').index()`)),
    'config/database.ts': CONFIG('pg'),
  })
  t.after(() => a.remove())
  const found = findings(a.root).map(
    (f) => `${path.basename(f.fileName)} ${f.code} ${f.message.slice(0, 60)}`,
  )
  assert.deepEqual(found.sort(), [
    'post.ts LL402 "Post.user" uses foreignKey Post.userId, whose column "user_',
    'post.ts LL405 "Post.byEmail": users.email has no index according to databa',
    'post.ts LL406 Post.userId is the column "user_id", but table "posts" has n',
    'user.ts LL402 "User.posts" uses foreignKey Post.userId, whose column "user',
  ])
})

test('nothing is claimed from an incomplete schema, a custom naming strategy or a plain base class', (t) => {
  const unreadable = app({
    ...migrations(USERS),
    'database/migrations/2_helper.ts': MIGRATION('this.createPosts()'),
  })
  const custom = app({
    'app/models/user.ts': USER_MODEL.replace(
      'export default class User extends BaseModel {',
      'export default class User extends BaseModel {\n  static namingStrategy = new MyStrategy()',
    ),
    ...migrations(
      `this.schema.createTable('accounts', (table) => { table.increments() })`,
      POSTS(`table.integer('user_id').index()`),
    ),
  })
  const base = app({
    'app/models/user.ts': USER_MODEL.replace(
      'class User extends BaseModel',
      'class User extends Person',
    ).replace(
      "import Post from '#models/post'",
      "import Post from '#models/post'\nimport { Person } from '#models/person'",
    ),
    'app/models/person.ts': `import { BaseModel, column } from '@adonisjs/lucid/orm'\nexport class Person extends BaseModel {\n  @column()\n  declare email: string\n}\n`,
    ...migrations(USERS, POSTS(`table.integer('user_id').index()`)),
  })
  t.after(() => [unreadable, custom, base].forEach((a) => a.remove()))
  assert.deepEqual(codes(unreadable.root), [], 'posts may have been created by the helper')
  assert.deepEqual(codes(custom.root), [], 'the table and the keys of User depend on the custom strategy')
  assert.deepEqual(codes(base.root), [], 'Person is only a base class: its table "people" is not expected')
})

test('a missing table suggests the closest one and says how the name was derived', (t) => {
  const a = app(migrations(`this.schema.createTable('usrs', (table) => { table.increments() })`))
  t.after(() => a.remove())
  const messages = findings(a.root).map((f) => `${path.basename(f.fileName)} ${f.code}: ${f.message}`)
  assert.deepEqual(messages, [
    'post.ts LL401: Model "Post" reads table "posts" (the naming-strategy default for "Post": ' +
      'pluralize(snakeCase("Post"))), which does not exist according to database/migrations. Every query of ' +
      'Post fails.',
    'user.ts LL401: Model "User" reads table "users" (the naming-strategy default for "User": ' +
      'pluralize(snakeCase("User"))), which does not exist according to database/migrations. Every query of ' +
      `User fails. Did you mean "usrs"? Set static table = 'usrs'.`,
  ])
})
