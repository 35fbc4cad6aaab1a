// What the migrations reader takes from a migration file as a whole: table names however they are
// written (constants, enums of other files), Lucid generations, what it cannot read, raw SQL, the
// dialect and the per-program cache. The table operations themselves are in migrations.test.ts.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { columnsOf, createTable, indexesOf, migration, programOf, ROOT, schemaOf } from './schema-program'
import { migrationSchema } from '../../server/src/analysis'
import ts from 'typescript'

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
