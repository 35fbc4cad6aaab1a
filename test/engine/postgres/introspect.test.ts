// PostgreSQL introspection on a real server: the shared suite, then what only pg_catalog can say
// (enums, domains, arrays, identity and serial keys, expression and INCLUDE indexes, search_path).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { introspectionSuite, introspectRaw } from '../support/introspect-suite'

introspectionSuite('pg')

const CATALOG = [
  `create type mood as enum ('happy', 'sad')`,
  `create domain email_address as varchar(254)`,
  `create table accounts (code varchar(8) primary key, name text not null)`,
  `create table members (id bigserial primary key, account_code varchar(8) references accounts,
    email email_address, feeling mood, tags integer[], external_id uuid, created_at timestamptz)`,
  `create table tallies (a integer, b integer, total bigint, primary key (a, b))`,
  `create table events (id integer generated always as identity primary key, payload jsonb,
    member_id bigint references members (id), a integer, b integer,
    foreign key (a, b) references tallies (a, b))`,
  `create index events_lower on events ((payload->>'kind'), member_id)`,
  `create index events_member_incl on events (member_id) include (a)`,
  `create view member_emails as select id, email from members`,
  // Not on the search_path: known by its qualified name only; a second accounts table does not
  // shadow public.accounts.
  `create schema other`,
  `create table other.hidden (x integer)`,
  `create table other.accounts (code varchar(8) primary key)`,
  `create table other.audits (id integer primary key, account_code varchar(8) references public.accounts)`,
]

test('PostgreSQL: types, keys, indexes and foreign keys as pg_catalog has them', async (t) => {
  const { schema, drop } = await introspectRaw('pg', CATALOG)
  t.after(drop)
  assert.deepEqual([...schema.tables.keys()].sort(), [
    'accounts',
    'events',
    'member_emails',
    'members',
    'other.accounts',
    'other.audits',
    'other.hidden',
    'tallies',
  ])
  assert.deepEqual(schema.tables.get('other.audits')?.foreignKeys, [
    { columns: ['account_code'], table: 'accounts', references: ['code'] },
  ])
  assert.equal(schema.tables.get('accounts')?.columns.get('name')?.type, 'text', 'public.accounts')
  const columns = (table: string) =>
    [...(schema.tables.get(table)?.columns.values() ?? [])].map(
      (c) =>
        `${c.name} ${c.type} ${c.rawType}${c.nullable ? ' null' : ''}${c.primary ? ' pk' : ''}${c.increments ? ' inc' : ''}`,
    )
  assert.deepEqual(columns('members'), [
    'id bigint bigint pk inc',
    'account_code string character varying(8) null',
    'email string email_address (character varying(254)) null',
    'feeling enum mood null',
    'tags unknown integer[] null',
    'external_id uuid uuid null',
    'created_at timestamp timestamp with time zone null',
  ])
  assert.deepEqual(columns('events'), [
    'id integer integer pk inc',
    'payload json jsonb null',
    'member_id bigint bigint null',
    'a integer integer null',
    'b integer integer null',
  ])
  assert.deepEqual(columns('tallies'), [
    'a integer integer pk',
    'b integer integer pk',
    'total bigint bigint null',
  ])
  const events = schema.tables.get('events')
  assert.deepEqual(
    events?.indexes.map((i) => [i.name, i.columns, i.unique, i.primary]),
    [
      ['events_lower', ['(expression)', 'member_id'], false, false],
      ['events_member_incl', ['member_id'], false, false],
      ['events_pkey', ['id'], true, true],
    ],
  )
  assert.deepEqual(events?.foreignKeys, [
    { columns: ['a', 'b'], table: 'tallies', references: ['a', 'b'] },
    { columns: ['member_id'], table: 'members', references: ['id'] },
  ])
  assert.deepEqual(schema.tables.get('members')?.foreignKeys, [
    { columns: ['account_code'], table: 'accounts', references: ['code'] },
  ])
  assert.deepEqual(columns('member_emails'), [
    'id bigint bigint null',
    'email string email_address (character varying(254)) null',
  ])
})
