// Creates and seeds the SQLite file the differential suite runs on: nulls in keys and values, an
// orphan post, a user without posts, a `secret` column no model declares, a three-level category tree,
// and manyToMany pivots (`skill_user` with an extra column, the self pivot `friendships`).
import Database from 'better-sqlite3'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const SCHEMA = `
create table users (id integer primary key, uuid varchar(36), full_name varchar(255), email_address varchar(255),
  secret varchar(255), created_at datetime);
create table posts (id integer primary key, user_id integer, author_uuid varchar(36), title varchar(255),
  is_published boolean not null default 0, views integer, created_at datetime);
create table comments (id integer primary key, post_id integer, body text, moderator_note text, posted_on date);
create table categories (id integer primary key, parent_id integer, name varchar(255));
create table profiles (id integer primary key, user_id integer, bio text);
create table skills (id integer primary key, name varchar(255));
create table skill_user (id integer primary key, user_id integer, skill_id integer, proficiency varchar(255));
create table friendships (id integer primary key, user_id integer, friend_id integer);
`

const UUID_1 = '0b9f4a52-3c1e-4f7a-9a51-6f1d2c3b4a01'
const UUID_2 = '0b9f4a52-3c1e-4f7a-9a51-6f1d2c3b4a02'
const UUID_3 = '0b9f4a52-3c1e-4f7a-9a51-6f1d2c3b4a03'

export const ROWS: Record<string, unknown[][]> = {
  users: [
    [1, UUID_1, 'Ann Lee', 'ann@example.com', 's1', '2024-01-05 10:00:00'],
    [2, UUID_2, 'Bob Stone', 'bob@example.com', 's2', '2024-02-10 08:30:15'],
    [3, UUID_3, 'Cy Park', null, null, null],
    [4, null, 'Dee Null', 'dee@example.com', 's4', '2024-03-01 00:00:00'],
  ],
  posts: [
    [1, 1, UUID_1, 'Hello world', 1, 120, '2024-01-06 09:00:00'],
    [2, 1, UUID_1, 'Draft notes', 0, 5, '2024-01-07 09:00:00'],
    [3, 1, UUID_1, 'Second thoughts', 1, 60, '2024-01-08 12:00:00'],
    [4, 2, UUID_2, 'Bob writes', 1, 300, '2024-02-11 07:00:00'],
    [5, 2, null, 'Bob drafts', 0, null, null],
    [6, null, null, 'Orphan post', 1, 1, '2024-04-01 00:00:00'],
    [7, 4, UUID_3, 'Dee and Cy', 1, 42, '2024-03-02 10:10:10'],
  ],
  comments: [
    [1, 1, 'Nice', 'ok', '2024-01-06'],
    [2, 1, 'Agreed', null, '2024-01-07'],
    [3, 3, 'Hmm', 'flagged', null],
    [4, 4, 'Great', null, '2024-02-12'],
    [5, 7, 'Hi Dee', null, '2024-03-03'],
  ],
  categories: [
    [1, null, 'root'],
    [2, 1, 'books'],
    [3, 1, 'music'],
    [4, 2, 'novels'],
    [5, 2, 'poetry'],
    [6, 3, 'jazz'],
  ],
  profiles: [
    [1, 1, 'Ann writes'],
    [2, 2, null],
  ],
  skills: [
    [1, 'sql'],
    [2, 'typescript'],
    [3, 'design'],
    [4, 'unused'],
  ],
  skill_user: [
    [1, 1, 1, 'expert'],
    [2, 1, 2, 'novice'],
    [3, 2, 2, 'expert'],
    [4, 2, 3, null],
    [5, 4, 1, 'novice'],
  ],
  friendships: [
    [1, 1, 2],
    [2, 1, 4],
    [3, 2, 1],
  ],
}

/** Writes a fresh database into a new temp folder and returns its path. */
export function createFixtureDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-engine-'))
  const file = path.join(dir, 'fixture.sqlite3')
  const db = new Database(file)
  try {
    db.exec(SCHEMA)
    for (const [table, rows] of Object.entries(ROWS)) {
      const placeholders = (rows[0] ?? []).map(() => '?').join(', ')
      const insert = db.prepare(`insert into ${table} values (${placeholders})`)
      for (const row of rows) insert.run(row)
    }
  } finally {
    db.close()
  }
  return file
}

export function removeFixtureDatabase(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
