// The schema helpers both schema sources share: type families, key compatibility, index coverage.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  compatibleKeyTypes,
  dialectOfClient,
  findColumn,
  findTable,
  isIndexed,
  normalizeColumnType,
  type ColumnType,
  type DatabaseSchema,
  type TableSchema,
} from '../../engine/src/schema'

test('SQL type names normalize to families', () => {
  const cases: [string, ColumnType][] = [
    ['integer', 'integer'],
    ['INT4', 'integer'],
    ['int(10) unsigned', 'integer'],
    ['serial', 'integer'],
    ['bigint', 'bigint'],
    ['int8', 'bigint'],
    ['BIGINT UNSIGNED', 'bigint'],
    ['character varying(255)', 'string'],
    ['varchar(36)', 'string'],
    ['char(36)', 'string'],
    ['text', 'text'],
    ['longtext', 'text'],
    ['uuid', 'uuid'],
    ['tinyint(1)', 'boolean'],
    ['boolean', 'boolean'],
    ['timestamp with time zone', 'timestamp'],
    ['datetime', 'timestamp'],
    ['date', 'date'],
    ['jsonb', 'json'],
    ['numeric(10,2)', 'decimal'],
    ['double precision', 'float'],
    ['bytea', 'binary'],
    ["enum('a','b')", 'enum'],
    ['tsvector', 'unknown'],
  ]
  for (const [raw, family] of cases) assert.equal(normalizeColumnType(raw), family, raw)
})

test('key type compatibility per dialect', () => {
  assert.equal(compatibleKeyTypes('integer', 'integer'), 'ok')
  assert.equal(compatibleKeyTypes('integer', 'bigint', 'postgres'), 'warning')
  assert.equal(compatibleKeyTypes('bigint', 'integer'), 'warning', 'unknown dialect: PostgreSQL is possible')
  assert.equal(compatibleKeyTypes('integer', 'bigint', 'sqlite'), 'ok')
  assert.equal(compatibleKeyTypes('integer', 'bigint', 'mysql'), 'ok')
  assert.equal(compatibleKeyTypes('string', 'text', 'postgres'), 'ok')
  assert.equal(compatibleKeyTypes('enum', 'string'), 'ok')
  assert.equal(compatibleKeyTypes('uuid', 'string', 'postgres'), 'warning')
  assert.equal(compatibleKeyTypes('text', 'uuid', 'mysql'), 'ok')
  assert.equal(compatibleKeyTypes('integer', 'string', 'sqlite'), 'error')
  assert.equal(compatibleKeyTypes('uuid', 'bigint', 'mysql'), 'error')
  assert.equal(compatibleKeyTypes('boolean', 'integer'), 'error')
  assert.equal(compatibleKeyTypes('unknown', 'integer'), 'ok')
})

const table: TableSchema = {
  name: 'posts',
  columns: new Map([
    [
      'id',
      { name: 'id', type: 'integer', rawType: 'integer', nullable: false, primary: true, increments: true },
    ],
    [
      'user_id',
      {
        name: 'user_id',
        type: 'integer',
        rawType: 'integer',
        nullable: false,
        primary: false,
        increments: false,
      },
    ],
  ]),
  indexes: [
    { columns: ['id'], unique: true, primary: true },
    { columns: ['created_at', 'author_id'], unique: false, primary: false },
  ],
  foreignKeys: [{ columns: ['user_id'], table: 'users', references: ['id'] }],
  complete: true,
}

test('an index serves a lookup only through its first column; FK constraints index on MySQL', () => {
  assert.equal(isIndexed(table, 'id', 'postgres'), true)
  assert.equal(isIndexed(table, 'created_at', 'postgres'), true)
  assert.equal(isIndexed(table, 'author_id', 'postgres'), false)
  assert.equal(isIndexed(table, 'user_id', 'postgres'), false)
  assert.equal(isIndexed(table, 'user_id', 'sqlite'), false)
  assert.equal(isIndexed(table, 'user_id', 'mysql'), true)
  assert.equal(isIndexed(table, 'user_id'), true, 'unknown dialect: it may be MySQL')
})

test('names: case-sensitive on PostgreSQL only, schema prefixes ignored, knex clients mapped', () => {
  const schema: DatabaseSchema = { source: 'database', tables: new Map([['posts', table]]), complete: true }
  assert.equal(findTable(schema, 'public.posts'), table)
  assert.equal(findTable(schema, 'Posts'), table)
  assert.equal(findTable({ ...schema, dialect: 'postgres' }, 'Posts'), undefined)
  assert.equal(findColumn(table, 'USER_ID', 'mysql')?.name, 'user_id')
  assert.equal(findColumn(table, 'USER_ID', 'postgres'), undefined)
  assert.deepEqual(
    ['pg', 'postgres', 'better-sqlite3', 'sqlite3', 'libsql', 'mysql2', 'mssql', 'oracledb', 'custom'].map(
      dialectOfClient,
    ),
    ['postgres', 'postgres', 'sqlite', 'sqlite', 'sqlite', 'mysql', 'mssql', 'oracle', undefined],
  )
})
