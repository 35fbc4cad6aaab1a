// What every server dialect's introspection must do: read the example app's schema built by its own
// migrations exactly as the migrations reader derives it, and leave the database as it was, with no
// session left behind. Dialect corner cases live in each dialect's own test file.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Knex } from 'knex'
import { DatabaseError } from '../../../engine/src/connection/database-errors'
import { introspectDatabase } from '../../../engine/src/introspect'
import type { DatabaseSchema } from '../../../engine/src/schema'
import { comparable, createExampleDatabase, exampleMigrationSchema } from './example-schema'
import { contentChecksum, previewSessions } from './server-checks'
import { createServerDatabase, serverSettings, type ServerDialect } from './server-db'

const PRODUCT: Record<ServerDialect, string> = { pg: 'PostgreSQL', mysql2: 'MySQL/MariaDB' }

export function introspectionSuite(dialect: ServerDialect): void {
  const product = PRODUCT[dialect]
  const schemaDialect = dialect === 'pg' ? 'postgres' : 'mysql'

  test(`${product}: the example app built by its migrations reads back as the migrations reader says`, async (t) => {
    const example = await createExampleDatabase(dialect)
    t.after(() => example.drop())
    const live = await introspectDatabase(example.target)
    assert.deepEqual([live.source, live.dialect, live.complete], ['database', schemaDialect, true])
    assert.deepEqual(comparable(live, schemaDialect), comparable(exampleMigrationSchema(), schemaDialect))
  })

  test(`${product}: introspection writes nothing and leaves no session open`, async (t) => {
    const database = await createServerDatabase(dialect, async (db) => {
      await db.schema.createTable('users', (table) => {
        table.increments('id')
        table.string('email').unique()
      })
      await db('users').insert([{ email: 'a@example.com' }, { email: 'b@example.com' }])
    })
    t.after(() => database.drop())
    const before = await contentChecksum(dialect, database.knex)
    const schema = await introspectDatabase(target(dialect, database.settings))
    assert.deepEqual([...schema.tables.keys()], ['users'])
    assert.equal(await contentChecksum(dialect, database.knex), before)
    assert.equal(await previewSessions(dialect, database.knex), 0)
  })

  test(`${product}: an unreachable server or unknown database is a DatabaseError saying so`, async () => {
    const settings = serverSettings(dialect)
    const closed = { ...settings, port: 1, database: 'whatever' }
    await assert.rejects(introspectDatabase(target(dialect, closed)), (error: unknown) => {
      assert.ok(error instanceof DatabaseError)
      assert.equal(error.code, 'E_CONNECTION')
      assert.match(error.message, /^Cannot connect to .* at 127\.0\.0\.1:1: connection refused/)
      return true
    })
    const unknown = { ...settings, database: 'lucid_lens_no_such_database' }
    await assert.rejects(introspectDatabase(target(dialect, unknown)), {
      code: 'E_UNKNOWN_DATABASE',
      message: /The database "lucid_lens_no_such_database" does not exist/,
    })
  })
}

export function target(dialect: ServerDialect, connection: ServerConnectionLike) {
  return { kind: dialect === 'pg' ? ('pg' as const) : ('mysql' as const), connection }
}

type ServerConnectionLike = ReturnType<typeof serverSettings>

/** A fresh database built by raw statements, introspected once. */
export async function introspectRaw(
  dialect: ServerDialect,
  statements: string[],
  extra: (db: Knex) => Promise<void> = async () => undefined,
): Promise<{ schema: DatabaseSchema; version: string; drop(): Promise<void> }> {
  const database = await createServerDatabase(dialect, async (db) => {
    for (const sql of statements) await db.raw(sql)
    await extra(db)
  })
  try {
    const schema = await introspectDatabase(target(dialect, database.settings))
    const row = await database.knex.raw('select version() as v')
    const version = String(dialect === 'pg' ? row.rows[0].v : row[0][0].v)
    return { schema, version, drop: () => database.drop() }
  } catch (error) {
    await database.drop()
    throw error
  }
}
