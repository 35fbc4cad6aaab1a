// The live database as a schema source: tables, columns, indexes and foreign keys read from the
// database's own catalog, never written. SQLite through a read-only handle; PostgreSQL and
// MySQL/MariaDB through the preview executors (a READ ONLY transaction that is always rolled back).
import { MysqlExecutor } from '../connection/mysql-executor'
import { PostgresExecutor } from '../connection/postgres-executor'
import type { ServerConnection, ServerExecutorOptions } from '../connection/server-options'
import type { DatabaseSchema } from '../schema'
import { readMysqlSchema } from './mysql'
import { readPostgresSchema } from './postgres'
import { introspectSqlite } from './sqlite'

export { sqliteSchemaVersion } from './sqlite'
export { readMysqlSchema } from './mysql'
export { readPostgresSchema } from './postgres'
export { introspectSqlite }

/** The same shape as the CLI's preview targets, so either can be introspected. */
export type IntrospectionTarget =
  { kind: 'sqlite'; file: string } | { kind: 'pg' | 'mysql'; connection: ServerConnection }

/**
 * The schema as the database reports it (`source: 'database'`, always complete). Fails with a
 * DatabaseError that says what to fix when the database cannot be reached or read.
 */
export async function introspectDatabase(
  target: IntrospectionTarget,
  options: ServerExecutorOptions = {},
): Promise<DatabaseSchema> {
  if (target.kind === 'sqlite') return introspectSqlite(target.file)
  const executor =
    target.kind === 'pg'
      ? await PostgresExecutor.open(target.connection, options)
      : await MysqlExecutor.open(target.connection, options)
  try {
    return target.kind === 'pg' ? await readPostgresSchema(executor) : await readMysqlSchema(executor)
  } finally {
    await executor.close()
  }
}

/**
 * A stable text of everything the checks read, to tell whether a re-read changed anything (column
 * order included, since messages list columns in table order).
 */
export function schemaFingerprint(schema: DatabaseSchema): string {
  const tables = [...schema.tables.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({
      name: t.name,
      columns: [...t.columns.values()],
      indexes: [...t.indexes].sort((a, b) => String(a.name).localeCompare(String(b.name))),
      foreignKeys: t.foreignKeys,
      complete: t.complete,
    }))
  return JSON.stringify({ dialect: schema.dialect, complete: schema.complete, tables })
}
