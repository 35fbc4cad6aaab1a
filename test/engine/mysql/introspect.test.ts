// MySQL/MariaDB introspection on a real server: the shared suite, then what only information_schema
// can say (unsigned and auto_increment keys, enums, tinyint(1), the index InnoDB adds for a foreign
// key, composite keys, views). MariaDB stores json as longtext: it reads as text there.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { introspectionSuite, introspectRaw } from '../support/introspect-suite'

introspectionSuite('mysql2')

const CATALOG = [
  `create table accounts (code varchar(8) primary key, name text not null)`,
  `create table members (id bigint unsigned auto_increment primary key, account_code varchar(8),
    email varchar(254), feeling enum('happy', 'sad'), external_id char(36), flag tinyint(1),
    created_at datetime, foreign key (account_code) references accounts (code))`,
  `create table tallies (a int, b int, total bigint, primary key (a, b))`,
  `create table events (id int auto_increment primary key, payload json, member_id bigint unsigned,
    a int, b int, foreign key (member_id) references members (id),
    constraint events_tally foreign key (a, b) references tallies (a, b),
    index events_member_a (member_id, a))`,
  `create view member_emails as select id, email from members`,
]

test('MySQL/MariaDB: types, keys, indexes and foreign keys as information_schema has them', async (t) => {
  const { schema, version, drop } = await introspectRaw('mysql2', CATALOG)
  t.after(drop)
  assert.deepEqual([...schema.tables.keys()].sort(), [
    'accounts',
    'events',
    'member_emails',
    'members',
    'tallies',
  ])
  const columns = (table: string) =>
    [...(schema.tables.get(table)?.columns.values() ?? [])].map(
      (c) =>
        `${c.name} ${c.type}${c.nullable ? ' null' : ''}${c.primary ? ' pk' : ''}${c.increments ? ' inc' : ''}`,
    )
  assert.deepEqual(columns('members'), [
    'id bigint pk inc',
    'account_code string null',
    'email string null',
    'feeling enum null',
    'external_id string null',
    'flag boolean null',
    'created_at timestamp null',
  ])
  const mariadb = /mariadb/i.test(version)
  assert.deepEqual(columns('events'), [
    'id integer pk inc',
    `payload ${mariadb ? 'text' : 'json'} null`,
    'member_id bigint null',
    'a integer null',
    'b integer null',
  ])
  assert.equal(
    schema.tables.get('members')?.columns.get('id')?.rawType,
    mariadb ? 'bigint(20) unsigned' : 'bigint unsigned',
  )
  assert.deepEqual(columns('tallies'), ['a integer pk', 'b integer pk', 'total bigint null'])
  const indexes = (table: string) =>
    schema.tables.get(table)?.indexes.map((i) => [i.name, i.columns, i.unique, i.primary])
  // member_id is covered by events_member_a; (a, b) gets the index InnoDB makes, named after the constraint.
  assert.deepEqual(indexes('events'), [
    ['events_member_a', ['member_id', 'a'], false, false],
    ['events_tally', ['a', 'b'], false, false],
    ['PRIMARY', ['id'], true, true],
  ])
  // In constraint name order: events_ibfk_1 (named by the server), then events_tally.
  assert.deepEqual(schema.tables.get('events')?.foreignKeys, [
    { columns: ['member_id'], table: 'members', references: ['id'] },
    { columns: ['a', 'b'], table: 'tallies', references: ['a', 'b'] },
  ])
  assert.deepEqual(schema.tables.get('members')?.foreignKeys, [
    { columns: ['account_code'], table: 'accounts', references: ['code'] },
  ])
  assert.deepEqual(columns('member_emails'), ['id bigint', 'email string null'])
})
