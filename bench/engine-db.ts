// The engine benchmark's database: users and their posts in SQLite, generated once and reused.
import * as fs from 'node:fs'
import * as path from 'node:path'
import Database from 'better-sqlite3'
import type { ModelGraph } from '../engine/src/model-graph'

/** Bump when the generated data changes, so stale files are rebuilt. */
const SHAPE = 1

export function engineDb(dir: string, users: number, postsPerUser: number): string {
  const file = path.join(dir, `engine-${users}x${postsPerUser}-v${SHAPE}.sqlite3`)
  if (fs.existsSync(file)) return file
  fs.mkdirSync(dir, { recursive: true })
  const tmp = `${file}.tmp`
  fs.rmSync(tmp, { force: true })
  const db = new Database(tmp)
  db.pragma('journal_mode = OFF')
  db.exec(`create table users (id integer primary key autoincrement, email varchar(255) not null, full_name varchar(255));
    create table posts (id integer primary key autoincrement, user_id integer not null, title varchar(255) not null, created_at datetime);
    create index posts_user_id_index on posts (user_id);`)
  const addUser = db.prepare('insert into users (email, full_name) values (?, ?)')
  const addPost = db.prepare('insert into posts (user_id, title, created_at) values (?, ?, ?)')
  db.transaction(() => {
    for (let u = 1; u <= users; u++) addUser.run(`user${u}@example.com`, `User ${u}`)
    // Posts are interleaved across users, as real rows are, so a user's posts are not contiguous.
    for (let p = 0; p < users * postsPerUser; p++) {
      addPost.run((p % users) + 1, `Post ${p + 1}`, `2026-01-01 ${String(p % 24).padStart(2, '0')}:00:00`)
    }
  })()
  db.close()
  fs.renameSync(tmp, file)
  return file
}

export const ENGINE_GRAPH: ModelGraph = {
  generation: 'v6',
  models: [
    {
      name: 'User',
      table: 'users',
      tableIsExplicit: false,
      primaryKey: 'id',
      namingStrategy: 'camel',
      isAbstract: false,
      columns: [
        {
          attribute: 'id',
          columnName: 'id',
          isPrimary: true,
          serializeAs: 'id',
          decorator: 'column',
          declaredBy: 'User',
        },
        {
          attribute: 'email',
          columnName: 'email',
          isPrimary: false,
          serializeAs: 'email',
          decorator: 'column',
          declaredBy: 'User',
        },
        {
          attribute: 'fullName',
          columnName: 'full_name',
          isPrimary: false,
          serializeAs: 'fullName',
          decorator: 'column',
          declaredBy: 'User',
        },
      ],
      relations: [
        {
          name: 'posts',
          kind: 'hasMany',
          relatedModel: 'Post',
          serializeAs: 'posts',
          hasOnQuery: false,
          keys: {
            localKey: 'id',
            localKeyIsDefault: true,
            localKeyColumn: 'id',
            foreignKey: 'userId',
            foreignKeyIsDefault: true,
            foreignKeyColumn: 'user_id',
          },
        },
      ],
    },
    {
      name: 'Post',
      table: 'posts',
      tableIsExplicit: false,
      primaryKey: 'id',
      namingStrategy: 'camel',
      isAbstract: false,
      columns: [
        {
          attribute: 'id',
          columnName: 'id',
          isPrimary: true,
          serializeAs: 'id',
          decorator: 'column',
          declaredBy: 'Post',
        },
        {
          attribute: 'userId',
          columnName: 'user_id',
          isPrimary: false,
          serializeAs: 'userId',
          decorator: 'column',
          declaredBy: 'Post',
        },
        {
          attribute: 'title',
          columnName: 'title',
          isPrimary: false,
          serializeAs: 'title',
          decorator: 'column',
          declaredBy: 'Post',
        },
        {
          attribute: 'createdAt',
          columnName: 'created_at',
          isPrimary: false,
          serializeAs: 'createdAt',
          decorator: 'column',
          declaredBy: 'Post',
        },
      ],
      relations: [],
    },
  ],
}
