// SQLite introspection on real files: the example app's migrations run for real compared with the
// migrations reader, the catalog's corner cases (rowid keys, WITHOUT ROWID, expression and partial
// indexes, views, foreign keys to an implicit primary key), and a file that is never written.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { DatabaseError } from '../../engine/src/connection/database-errors'
import { keptSqliteObjects } from '../../engine/src/connection/sqlite-keep-alive'
import { introspectDatabase, sqliteSchemaVersion } from '../../engine/src/introspect'
import { comparable, createExampleDatabase, exampleMigrationSchema } from './support/example-schema'

test('SQLite: the example app built by its migrations reads back as the migrations reader says', async (t) => {
  const example = await createExampleDatabase('sqlite')
  t.after(() => example.drop())
  const live = await introspectDatabase(example.target)
  assert.equal(live.source, 'database')
  assert.equal(live.dialect, 'sqlite')
  assert.equal(live.complete, true)
  const expected = comparable(exampleMigrationSchema(), 'sqlite')
  assert.deepEqual(comparable(live, 'sqlite'), expected)
  assert.deepEqual(expected['comments']?.columns, [
    'id integer primary increments indexed',
    'post_id integer indexed',
    'author_id integer indexed',
    'body text',
    'is_approved boolean',
    'created_at timestamp null',
  ])
})

function tempDatabase(sql: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-sqlite-catalog-'))
  const file = path.join(dir, 'db.sqlite3')
  const db = new Database(file)
  db.exec(sql)
  db.close()
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

const CATALOG = `
create table accounts (code varchar(8) primary key, name text not null);
create table members (id integer primary key, account_code varchar(8) references accounts, email text);
create table tallies (a integer, b integer, total bigint, primary key (a, b)) without rowid;
create table events (id INTEGER primary key autoincrement, payload json, kind text check (kind in ('a','b')),
  member_id integer, foreign key (member_id) references members(id));
create index events_lower_kind on events (lower(kind), member_id);
create index members_email_partial on members (email) where email is not null;
create view member_emails as select id, email from members;
`

test('SQLite: keys, indexes, foreign keys and views as the catalog has them', async (t) => {
  const db = tempDatabase(CATALOG)
  t.after(() => db.remove())
  const schema = await introspectDatabase({ kind: 'sqlite', file: db.file })
  assert.deepEqual([...schema.tables.keys()], ['accounts', 'events', 'member_emails', 'members', 'tallies'])
  const column = (table: string, name: string) => schema.tables.get(table)?.columns.get(name)
  // A varchar primary key is no rowid alias: SQLite indexes it with an automatic index.
  assert.deepEqual(column('accounts', 'code'), {
    name: 'code',
    type: 'string',
    rawType: 'varchar(8)',
    nullable: false,
    primary: true,
    increments: false,
  })
  assert.equal(column('members', 'id')?.increments, true, 'INTEGER PRIMARY KEY is the rowid')
  assert.equal(column('tallies', 'a')?.increments, false, 'WITHOUT ROWID has no rowid')
  assert.deepEqual(
    [column('tallies', 'a')?.primary, column('tallies', 'b')?.primary, column('tallies', 'total')?.type],
    [true, true, 'bigint'],
  )
  assert.deepEqual(
    schema.tables.get('events')?.indexes.map((i) => [i.columns, i.unique, i.primary]),
    [
      [['id'], true, true],
      [['(expression)', 'member_id'], false, false],
    ],
  )
  assert.deepEqual(schema.tables.get('events')?.foreignKeys, [
    { columns: ['member_id'], table: 'members', references: ['id'] },
  ])
  // `references accounts` without a column names no referenced column: left out, not guessed.
  assert.deepEqual(schema.tables.get('members')?.foreignKeys, [
    { columns: ['account_code'], table: 'accounts' },
  ])
  assert.deepEqual(
    schema.tables.get('members')?.indexes.map((i) => i.columns),
    [['id'], ['email']],
  )
  assert.deepEqual([...(schema.tables.get('member_emails')?.columns.keys() ?? [])], ['id', 'email'])
  assert.equal(column('events', 'payload')?.type, 'json')
})

test('SQLite: reading never writes, and schema_version moves with DDL only', async (t) => {
  const db = tempDatabase(CATALOG)
  t.after(() => db.remove())
  const sha = () => createHash('sha256').update(fs.readFileSync(db.file)).digest('hex')
  const before = sha()
  const version = await sqliteSchemaVersion(db.file)
  await introspectDatabase({ kind: 'sqlite', file: db.file })
  assert.equal(sha(), before)
  assert.deepEqual(fs.readdirSync(path.dirname(db.file)), ['db.sqlite3'], 'no journal or WAL file')
  const writer = new Database(db.file)
  writer.exec(`insert into accounts values ('x', 'X')`)
  assert.equal(await sqliteSchemaVersion(db.file), version, 'a data write leaves the version')
  writer.exec('create index accounts_name on accounts (name)')
  writer.close()
  assert.equal(await sqliteSchemaVersion(db.file), version + 1)
})

test('SQLite: a missing or unreadable file is a DatabaseError naming the file', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-sqlite-missing-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const missing = path.join(dir, 'nope.sqlite3')
  await assert.rejects(introspectDatabase({ kind: 'sqlite', file: missing }), (error: unknown) => {
    assert.ok(error instanceof DatabaseError)
    assert.equal(error.code, 'E_CONNECTION')
    assert.match(error.message, /^Cannot read the SQLite database .*nope\.sqlite3: /)
    return true
  })
  assert.equal(fs.existsSync(missing), false, 'a read never creates the file')
  const garbage = path.join(dir, 'garbage.sqlite3')
  fs.writeFileSync(garbage, 'not a database at all, just text that is long enough to be read')
  await assert.rejects(introspectDatabase({ kind: 'sqlite', file: garbage }), /file is not a database/)
})

test('SQLite: the reads of one file share one connection, so reading again makes no new driver objects', async (t) => {
  const db = tempDatabase('create table posts (id integer primary key, title text)')
  t.after(() => db.remove())
  await sqliteSchemaVersion(db.file)
  await introspectDatabase({ kind: 'sqlite', file: db.file })
  const kept = keptSqliteObjects()
  for (let i = 0; i < 50; i++) {
    await sqliteSchemaVersion(db.file)
    await introspectDatabase({ kind: 'sqlite', file: db.file })
  }
  // Each object a driver makes is kept for the life of the process (sqlite-keep-alive.ts).
  assert.equal(keptSqliteObjects(), kept)
  // The kept connection still sees what another connection changes.
  const writer = new Database(db.file)
  writer.exec('alter table posts add column summary text')
  writer.close()
  const columns = (await introspectDatabase({ kind: 'sqlite', file: db.file })).tables.get('posts')?.columns
  assert.deepEqual([...(columns?.keys() ?? [])], ['id', 'title', 'summary'])
})

test('SQLite: a file deleted and created again at the same path is read afresh', async (t) => {
  const db = tempDatabase('create table posts (id integer primary key)')
  t.after(() => db.remove())
  assert.deepEqual(
    [...(await introspectDatabase({ kind: 'sqlite', file: db.file })).tables.keys()],
    ['posts'],
  )
  fs.rmSync(db.file)
  await assert.rejects(sqliteSchemaVersion(db.file), /Cannot read the SQLite database .*does not exist/)
  const again = new Database(db.file)
  again.exec('create table comments (id integer primary key)')
  again.close()
  assert.deepEqual(
    [...(await introspectDatabase({ kind: 'sqlite', file: db.file })).tables.keys()],
    ['comments'],
  )
})

test('SQLite: a writer holding the lock fails the read, and the next read reuses the kept connection', async (t) => {
  const db = tempDatabase('create table posts (id integer primary key)')
  t.after(() => db.remove())
  await sqliteSchemaVersion(db.file)
  const kept = keptSqliteObjects()
  const writer = new Database(db.file)
  writer.exec('begin exclusive')
  await assert.rejects(sqliteSchemaVersion(db.file), /Cannot read the SQLite database .*database is locked/)
  writer.exec('rollback')
  writer.close()
  assert.equal(typeof (await sqliteSchemaVersion(db.file)), 'number')
  assert.equal(keptSqliteObjects(), kept, 'no connection was opened again')
})
