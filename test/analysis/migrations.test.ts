// The migrations reader's table operations: every knex builder and modifier it knows, table-level
// calls, renames and drops, and the order migrations apply in (file-level reading: migration-files.test.ts).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { columnsOf, createTable, indexesOf, migration, schemaOf } from './schema-program'

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
