// The PostgreSQL and MySQL/MariaDB tiers: each test file creates its own database on the server that
// LUCID_LENS_PG_URL / LUCID_LENS_MYSQL_URL name, builds the fixture tables of fixture-db.ts with
// knex's schema builder (so each dialect gets its native types), and drops it afterwards. An
// unreachable server fails the tests with a clear message: CI installs and starts both (.ci/run).
import { knex, type Knex } from 'knex'
import type { ServerConnection } from '../../../engine/src/connection/server-options'
import { ROWS } from './fixture-db'
import type { LucidConnection } from './lucid-twin'

export type ServerDialect = 'pg' | 'mysql2'

const URLS: Record<ServerDialect, { env: string; fallback: string; name: string }> = {
  pg: { env: 'LUCID_LENS_PG_URL', fallback: 'postgres://postgres@127.0.0.1:5432/test', name: 'PostgreSQL' },
  mysql2: {
    env: 'LUCID_LENS_MYSQL_URL',
    fallback: 'mysql://root@127.0.0.1:3306/test',
    name: 'MySQL/MariaDB',
  },
}

/** The server's settings from the URL in the environment (or the loopback default). */
export function serverSettings(dialect: ServerDialect): ServerConnection {
  const url = new URL(process.env[URLS[dialect].env] || URLS[dialect].fallback)
  return {
    host: url.hostname,
    port: Number(url.port) || (dialect === 'pg' ? 5432 : 3306),
    user: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
  }
}

export interface ServerDatabase {
  /** Settings of the created database, for the engine. */
  settings: ServerConnection
  /** The same, for real Lucid. */
  lucid: LucidConnection
  /** A knex connection to the created database, for checks; closed by `drop`. */
  knex: Knex
  drop(): Promise<void>
}

let created = 0

/** Creates `lucid_lens_test_<pid>_<n>` and fills it with `build` (the differential fixture by default). */
export async function createServerDatabase(
  dialect: ServerDialect,
  build: (db: Knex) => Promise<void> = buildFixture,
): Promise<ServerDatabase> {
  const server = serverSettings(dialect)
  const admin = knex({ client: dialect, connection: { ...server }, pool: { min: 0, max: 1 } })
  const name = `lucid_lens_test_${process.pid}_${created++}`
  try {
    await admin.raw('select 1')
  } catch (error) {
    await admin.destroy()
    const { env, name: product } = URLS[dialect]
    throw new Error(
      `${product} is not reachable at ${server.host}:${server.port} as "${server.user}" (${(error as Error).message}). ` +
        `This tier needs a running server: set ${env}, or run .ci/run, which installs and starts it.`,
      { cause: error },
    )
  }
  const quote = (id: string) => (dialect === 'pg' ? `"${id}"` : `\`${id}\``)
  const dropSql = `drop database if exists ${quote(name)}${dialect === 'pg' ? ' with (force)' : ''}`
  await admin.raw(dropSql)
  await admin.raw(`create database ${quote(name)}`)
  const settings = { ...server, database: name }
  const db = knex({ client: dialect, connection: { ...settings }, pool: { min: 0, max: 1 } })
  try {
    await build(db)
  } catch (error) {
    await db.destroy()
    await admin.raw(dropSql).finally(() => admin.destroy())
    throw error
  }
  return {
    settings,
    lucid: { client: dialect, connection: { ...settings } },
    knex: db,
    async drop() {
      await db.destroy()
      try {
        await admin.raw(dropSql)
      } finally {
        await admin.destroy()
      }
    },
  }
}

/** Column names of fixture-db.ts's positional rows, in its schema order. */
const COLUMNS: Record<string, string[]> = {
  users: ['id', 'uuid', 'full_name', 'email_address', 'secret', 'created_at'],
  posts: ['id', 'user_id', 'author_uuid', 'title', 'is_published', 'views', 'created_at'],
  comments: ['id', 'post_id', 'body', 'moderator_note', 'posted_on'],
  categories: ['id', 'parent_id', 'name'],
  profiles: ['id', 'user_id', 'bio'],
}

export async function buildFixture(db: Knex): Promise<void> {
  await db.schema
    .createTable('users', (t) => {
      t.integer('id').primary()
      t.string('uuid', 36)
      t.string('full_name')
      t.string('email_address')
      t.string('secret')
      t.datetime('created_at')
    })
    .createTable('posts', (t) => {
      t.integer('id').primary()
      t.integer('user_id')
      t.string('author_uuid', 36)
      t.string('title')
      t.boolean('is_published').notNullable().defaultTo(false)
      t.integer('views')
      t.datetime('created_at')
    })
    .createTable('comments', (t) => {
      t.integer('id').primary()
      t.integer('post_id')
      t.text('body')
      t.text('moderator_note')
      t.date('posted_on')
    })
    .createTable('categories', (t) => {
      t.integer('id').primary()
      t.integer('parent_id')
      t.string('name')
    })
    .createTable('profiles', (t) => {
      t.integer('id').primary()
      t.integer('user_id')
      t.text('bio')
    })
  for (const [table, rows] of Object.entries(ROWS)) {
    const columns = COLUMNS[table] ?? []
    const records = rows.map((row) =>
      Object.fromEntries(
        columns.map((c, i) => [c, c === 'is_published' ? Boolean(row[i]) : (row[i] ?? null)]),
      ),
    )
    await db(table).insert(records)
  }
}
