// The migrations reader: every knex builder and modifier it knows, table-level calls, the order
// migrations apply in, renames and drops, constants, and what it refuses to guess.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { columnsOf, createTable, indexesOf, migration, programOf, ROOT, schemaOf } from './schema-program'
import { migrationSchema } from '../../server/src/analysis'
import ts from 'typescript'

test('column builders give the type family, the raw type and knex defaults', () => {
  const schema = schemaOf(
    createTable(
      't',
      `table.increments('id')
      table.bigIncrements('big_id', { primaryKey: false })
      table.integer('a')
      table.tinyint('b')
      table.smallint('c')
      table.mediumint('d')
      table.bigInteger('e')
      table.string('f')
      table.string('g', 40)
      table.text('h')
      table.uuid('i')
      table.boolean('j')
      table.timestamp('k')
      table.dateTime('l')
      table.date('m')
      table.time('n')
      table.json('o')
      table.jsonb('p')
      table.decimal('q', 8, 2)
      table.float('r')
      table.double('s')
      table.enum('u', ['a', 'b'])
      table.enu('v', ['a'])
      table.binary('w')
      table.specificType('x', 'citext')
      table.specificType('y', 'bigserial')
      table.specificType('z', 'tsvector')`,
    ),
  )
  assert.deepEqual(columnsOf(schema, 't'), [
    'id: integer (increments) pk auto',
    'big_id: bigint (bigIncrements) auto',
    'a: integer (integer) null',
    'b: integer (tinyint) null',
    'c: integer (smallint) null',
    'd: integer (mediumint) null',
    'e: bigint (bigInteger) null',
    'f: string (varchar(255)) null',
    'g: string (varchar(40)) null',
    'h: text (text) null',
    'i: uuid (uuid) null',
    'j: boolean (boolean) null',
    'k: timestamp (timestamp) null',
    'l: timestamp (datetime) null',
    'm: date (date) null',
    'n: unknown (time) null',
    'o: json (json) null',
    'p: json (jsonb) null',
    'q: decimal (decimal) null',
    'r: float (float) null',
    's: float (double) null',
    'u: enum (enum) null',
    'v: enum (enum) null',
    'w: binary (binary) null',
    'x: string (citext) null',
    'y: bigint (bigserial) auto',
    'z: unknown (tsvector) null',
  ])
  assert.deepEqual(indexesOf(schema, 't'), ['[id] primary'])
})

test('increments() without a name is id; timestamps() adds created_at and updated_at', () => {
  const schema = schemaOf(
    createTable(
      't',
      `table.increments()
      table.timestamps(true, true)`,
    ),
  )
  assert.deepEqual(columnsOf(schema, 't'), [
    'id: integer (increments) pk auto',
    'created_at: timestamp (timestamp)',
    'updated_at: timestamp (timestamp)',
  ])
  const camel = schemaOf(createTable('t', `table.timestamps(true, false, true)`))
  assert.deepEqual(columnsOf(camel, 't'), [
    'createdAt: timestamp (timestamp) null',
    'updatedAt: timestamp (timestamp) null',
  ])
})

test('modifiers: nullability, primary, unique, index and references', () => {
  const schema = schemaOf(
    createTable(
      'posts',
      `table.uuid('id').primary()
      table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE').index()
      table.integer('editor_id').nullable().references('id').inTable('users')
      table.string('slug').notNullable().unique('posts_slug_key')
      table.string('title').defaultTo('x').comment('t').nullable()`,
    ),
  )
  assert.deepEqual(columnsOf(schema, 'posts'), [
    'id: uuid (uuid) pk',
    'user_id: integer (integer)',
    'editor_id: integer (integer) null',
    'slug: string (varchar(255))',
    'title: string (varchar(255)) null',
  ])
  assert.deepEqual(indexesOf(schema, 'posts'), ['[id] primary', '[user_id]', '[slug] unique'])
  const table = schema?.tables.get('posts')
  assert.deepEqual(table?.foreignKeys, [
    { columns: ['user_id'], table: 'users', references: ['id'] },
    { columns: ['editor_id'], table: 'users', references: ['id'] },
  ])
  assert.equal(table?.indexes[2]?.name, 'posts_slug_key')
  assert.equal(table?.indexes[1]?.name, 'posts_user_id_index', "knex's default index name")
})

test('table-level index, unique, primary and foreign', () => {
  const schema = schemaOf(
    createTable(
      'post_tag',
      `table.integer('post_id')
      table.integer('tag_id')
      table.primary(['post_id', 'tag_id'])
      table.unique(['tag_id', 'post_id'], { indexName: 'by_tag' })
      table.index('tag_id', 'tag_lookup')
      table.foreign('post_id').references('id').inTable('posts')
      table.foreign(['tag_id']).references('tags.id')`,
    ),
  )
  assert.deepEqual(indexesOf(schema, 'post_tag'), [
    '[post_id,tag_id] primary',
    '[tag_id,post_id] unique',
    '[tag_id]',
  ])
  assert.deepEqual(
    schema?.tables.get('post_tag')?.indexes.map((i) => i.name),
    ['post_tag_post_id_tag_id_pkey', 'by_tag', 'tag_lookup'],
  )
  assert.deepEqual(schema?.tables.get('post_tag')?.foreignKeys, [
    { columns: ['post_id'], table: 'posts', references: ['id'] },
    { columns: ['tag_id'], table: 'tags', references: ['id'] },
  ])
})

test('alterTable: renameColumn carries indexes, dropColumn removes them, alter() redefines', () => {
  const schema = schemaOf({
    ...createTable(
      'posts',
      `table.increments('id')
      table.integer('user_id').notNullable().index()
      table.integer('author_id').index()
      table.string('body')
      table.string('legacy')
      table.unique(['legacy', 'body'])`,
    ),
    'database/migrations/2_alter.ts': migration(`this.schema.alterTable('posts', (table) => {
      table.renameColumn('body', 'content')
      table.dropColumn('legacy')
      table.dropColumns('author_id')
      table.bigInteger('user_id').alter()
      table.setNullable('content')
    })
    this.schema.table('posts', (table) => {
      table.boolean('is_published').notNullable()
    })`),
  })
  assert.deepEqual(columnsOf(schema, 'posts'), [
    'id: integer (increments) pk auto',
    'user_id: bigint (bigInteger)',
    'content: string (varchar(255)) null',
    'is_published: boolean (boolean)',
  ])
  assert.deepEqual(indexesOf(schema, 'posts'), ['[id] primary', '[user_id]'])
  const removed = schema?.tables.get('posts')?.removedColumns
  assert.equal(removed?.get('body'), 'renamed to "content" by 2_alter.ts')
  assert.equal(removed?.get('legacy'), 'dropped by 2_alter.ts')
})

test('dropIndex, dropUnique, dropPrimary, dropForeign, dropTimestamps and dropNullable', () => {
  const schema = schemaOf({
    ...createTable(
      't',
      `table.increments('id')
      table.integer('a').index()
      table.integer('b').index('b_lookup')
      table.integer('c').unique()
      table.integer('d').references('x.id')
      table.timestamps()`,
    ),
    'database/migrations/2_drop.ts': migration(`this.schema.alterTable('t', (table) => {
      table.dropIndex(['a'])
      table.dropIndex([], 'b_lookup')
      table.dropUnique(['c'])
      table.dropPrimary()
      table.dropForeign('d')
      table.dropTimestamps()
      table.dropNullable('a')
    })`),
  })
  assert.deepEqual(indexesOf(schema, 't'), [])
  assert.deepEqual(schema?.tables.get('t')?.foreignKeys, [])
  assert.deepEqual(columnsOf(schema, 't'), [
    'id: integer (increments) auto',
    'a: integer (integer)',
    'b: integer (integer) null',
    'c: integer (integer) null',
    'd: integer (integer) null',
  ])
})

test('migrations apply in natural file-name order, not program order', () => {
  const files = {
    'database/migrations/10_rename.ts': migration(`this.schema.renameTable('groups', 'teams')`),
    'database/migrations/2_create.ts': migration(
      `this.schema.createTable('groups', (table) => { table.increments() })`,
    ),
    'database/migrations/3_alter.ts': migration(
      `this.schema.alterTable('groups', (table) => { table.string('name') })`,
    ),
  }
  const schema = schemaOf(files)
  assert.deepEqual([...(schema?.tables.keys() ?? [])], ['teams'])
  assert.deepEqual(columnsOf(schema, 'teams'), [
    'id: integer (increments) pk auto',
    'name: string (varchar(255)) null',
  ])
  assert.equal(schema?.tables.get('teams')?.name, 'teams')
  assert.equal(schema?.removedTables?.get('groups'), 'renamed to "teams" by 10_rename.ts')
})

test('dropTable, dropTableIfExists, createTableIfNotExists and withSchema', () => {
  const schema = schemaOf({
    'database/migrations/1_a.ts': migration(`this.schema.createTable('a', (t) => { t.increments() })
    this.schema.createTable('b', (t) => { t.increments() })
    this.schema.withSchema('public').createTable('c', (t) => { t.increments() })`),
    'database/migrations/2_b.ts': migration(`this.schema.dropTable('a')
    this.schema.dropTableIfExists('b')
    this.schema.createTableIfNotExists('c', (t) => { t.string('other') })`),
  })
  assert.deepEqual([...(schema?.tables.keys() ?? [])], ['c'])
  assert.deepEqual(columnsOf(schema, 'c'), ['id: integer (increments) pk auto'])
  assert.equal(schema?.removedTables?.get('a'), 'dropped by 2_b.ts')
  assert.equal(schema?.complete, true)
})

test('names come from this.tableName, consts, templates and concatenation; down() is ignored', () => {
  const schema = schemaOf({
    'database/migrations/1_users.ts': migration(
      `this.schema.createTable(this.tableName, (table) => {
        table.increments(ID)
        table.string(\`\${PREFIX}_name\`)
        table.integer(PREFIX + '_id')
      })`,
      `const ID = 'uid'\nconst PREFIX = 'org'`,
    ),
  })
  assert.deepEqual(columnsOf(schema, 'users'), [
    'uid: integer (increments) pk auto',
    'org_name: string (varchar(255)) null',
    'org_id: integer (integer) null',
  ])
})

test('table names from an enum or an `as const` object of another app file are read with the checker', () => {
  const names = `enum Tables {
  ROOMS = 'rooms',
  GUESTS = 'guests',
}
export default Tables
export const COLUMNS = { host: 'host_id' } as const
export let renamed = 'visitors'
`
  const schema = schemaOf({
    'app/names.ts': names,
    'database/migrations/1_rooms.ts': migration(
      `this.schema.createTable(Tables.ROOMS, (table) => {
      table.increments('id')
      table.integer(COLUMNS.host)
    })`,
      `import Tables, { COLUMNS } from '../../app/names'`,
    ),
    'database/migrations/2_guests.ts': `import { BaseSchema } from '@adonisjs/lucid/schema'
import Tables from '../../app/names'

export default class extends BaseSchema {
  protected tableName = Tables.GUESTS

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
    })
  }
}
`,
  })
  assert.equal(schema?.complete, true)
  assert.deepEqual([...(schema?.tables.keys() ?? [])], ['rooms', 'guests'])
  assert.deepEqual(columnsOf(schema, 'rooms'), [
    'id: integer (increments) pk auto',
    'host_id: integer (integer) null',
  ])
  // A variable that code may change is not a constant: the migration stays unreadable.
  const variable = schemaOf({
    'app/names.ts': names,
    'database/migrations/1_x.ts': migration(
      `this.schema.createTable(renamed, (table) => { table.increments('id') })`,
      `import { renamed } from '../../app/names'`,
    ),
  })
  assert.equal(variable?.complete, false)
})

test('AdonisJS v5 migrations (@ioc:Adonis/Lucid/Schema) are read too', () => {
  const schema = schemaOf({
    'database/migrations/1587988332388_users.ts': `import BaseSchema from '@ioc:Adonis/Lucid/Schema'

export default class UsersSchema extends BaseSchema {
  protected tableName = 'users'

  public async up () {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').primary()
      table.timestamp('created_at', { useTz: true })
    })
  }
}
`,
  })
  assert.deepEqual(columnsOf(schema, 'users'), [
    'id: integer (increments) pk auto',
    'created_at: timestamp (timestamp) null',
  ])
  assert.deepEqual(indexesOf(schema, 'users'), ['[id] primary'])
})

test('`void this.schema.createTable(...)` (floating promises marked) is read like the bare statement', () => {
  const schema = schemaOf({
    'database/migrations/1_rooms.ts': migration(`void this.schema.createTable('rooms', (table) => {
      table.uuid('uuid').primary()
    })
    void this.schema.alterTable('rooms', (table) => {
      table.string('name')
    })`),
  })
  assert.equal(schema?.complete, true)
  assert.deepEqual(columnsOf(schema, 'rooms'), ['uuid: uuid (uuid) pk', 'name: string (varchar(255)) null'])
  // `void` in front of code that is not a schema statement keeps it unreadable.
  const opaque = schemaOf({
    ...createTable('t', `table.increments()`),
    'database/migrations/2_x.ts': migration(`void this.createTables()`),
  })
  assert.equal(opaque?.complete, false)
})

test('what cannot be read is never guessed: the table or the schema becomes incomplete', () => {
  const loop = schemaOf(createTable('t', `table.increments()\nfor (const c of ['a', 'b']) table.string(c)`))
  assert.equal(loop?.tables.get('t')?.complete, false)
  assert.equal(loop?.complete, true)
  const helper = schemaOf(createTable('t', `table.increments()\naddAudit(table)`))
  assert.equal(helper?.tables.get('t')?.complete, false)
  const unknownMethod = schemaOf(createTable('t', `table.increments()\ntable.inherits('base')`))
  assert.equal(unknownMethod?.tables.get('t')?.complete, false)
  const harmless = schemaOf(
    createTable('t', `table.increments()\ntable.comment('x')\ntable.engine('InnoDB')`),
  )
  assert.equal(harmless?.tables.get('t')?.complete, true)
  for (const up of [
    `this.createTables()`,
    `for (const name of NAMES) this.schema.createTable(name, (t) => { t.increments() })`,
    `this.schema.createTable(name, (t) => { t.increments() })`,
    `this.schema.raw(sql)`,
    `this.schema.raw('ALTER DATABASE x SET y = 1; TRUNCATE t')`,
    `this.defer(async (db) => { await db.schema.createTable('x', () => {}) })`,
  ]) {
    const schema = schemaOf({
      ...createTable('t', `table.increments()`),
      'database/migrations/2_x.ts': migration(up),
    })
    assert.equal(schema?.complete, false, up)
    assert.equal(schema?.tables.get('t')?.complete, false, up)
  }
  const harmlessUp = schemaOf({
    ...createTable('t', `table.increments()`),
    'database/migrations/2_x.ts': migration(`if (!(await this.schema.hasTable('u'))) {
      this.schema.createTable('u', (t) => { t.increments() })
    }
    this.schema.createExtensionIfNotExists('citext')
    this.defer(async (db) => { await db.table('t').insert({}) })`),
  })
  assert.equal(harmlessUp?.complete, true)
  assert.deepEqual([...(harmlessUp?.tables.keys() ?? [])], ['t', 'u'])
})

test('raw SQL: views and tables become opaque, renames, drops and plain indexes apply', () => {
  const schema = schemaOf({
    ...createTable('posts', `table.increments()\ntable.integer('user_id')\ntable.string('title')`),
    'database/migrations/2_raw.ts': migration(`this.schema.raw('CREATE VIEW post_stats AS SELECT 1')
    this.schema.raw('CREATE INDEX posts_user ON "posts" (user_id, title); -- a comment')
    this.schema.raw(\`CREATE UNIQUE INDEX posts_lower_title ON posts (lower(title))\`)
    this.schema.raw('CREATE TABLE IF NOT EXISTS public.legacy (id int)')
    this.schema.raw('ALTER TABLE legacy RENAME TO archive')
    this.schema.raw('DROP TABLE IF EXISTS nothing_here')`),
  })
  assert.equal(schema?.complete, true)
  assert.deepEqual([...(schema?.tables.keys() ?? [])], ['posts', 'post_stats', 'archive'])
  assert.equal(schema?.tables.get('post_stats')?.complete, false)
  assert.equal(schema?.tables.get('archive')?.complete, false)
  assert.equal(schema?.tables.get('posts')?.complete, true)
  assert.deepEqual(indexesOf(schema, 'posts'), ['[id] primary', '[user_id,title]'])
  const altered = schemaOf({
    ...createTable('posts', `table.increments()`),
    'database/migrations/2_raw.ts': migration(`this.schema.raw('ALTER TABLE posts ADD COLUMN x int')`),
  })
  assert.equal(altered?.tables.get('posts')?.complete, false)
  assert.equal(altered?.complete, true)
})

test('no schema without a BaseSchema migration; an unreadable file makes the schema incomplete', () => {
  assert.equal(schemaOf({ 'app/models/user.ts': 'export default class User {}' }), undefined)
  assert.equal(schemaOf({ 'database/migrations/1_x.ts': 'export default class X {}' }), undefined)
  const outside = schemaOf({ 'database/seeders/1_x.ts': migration(`this.schema.createTable('x', () => {})`) })
  assert.equal(outside, undefined, 'only database/migrations counts')
  const mixed = schemaOf({
    ...createTable('t', `table.increments()`),
    'database/migrations/2_x.ts': 'export default 1',
  })
  assert.equal(mixed?.complete, false)
  assert.equal(mixed?.tables.get('t')?.complete, false)
})

test('the dialect comes from config/database.ts', () => {
  const config = (body: string) => ({ ...createTable('t', `table.increments()`), 'config/database.ts': body })
  const pg = `export default defineConfig({ connection: 'main', connections: {
    main: { client: 'pg' }, other: { client: 'mysql2' } } })`
  assert.equal(schemaOf(config(pg))?.dialect, 'postgres')
  const sqlite = `export default defineConfig({ connection: env.get('DB'), connections: {
    sqlite: { client: 'better-sqlite3' } } })`
  assert.equal(schemaOf(config(sqlite))?.dialect, 'sqlite')
  const several = `export default { connection: Env.get('DB_CONNECTION'), connections: {
    mysql: { client: 'mysql2' }, pg: { client: 'pg' } } }`
  assert.equal(schemaOf(config(several))?.dialect, undefined)
  assert.equal(schemaOf(createTable('t', `table.increments()`))?.dialect, undefined)
})

test('the schema is built once per program', () => {
  const program = programOf(createTable('t', `table.increments()`))
  const first = migrationSchema(ts, program, ROOT)
  assert.ok(first)
  assert.equal(migrationSchema(ts, program, ROOT), first)
})
