// The strong cross-check of both schema sources: examples/blog's migrations run for real on a database
// (scripts/example-db.mjs), introspected, and compared with what the migrations reader derives from
// the same files without running them. Only differences a dialect itself makes are normalised:
// - SQLite and MySQL have no uuid type: knex's `uuid()` is `char(36)` there, a string;
// - SQLite's integer is 64-bit: `bigInteger()`/`bigIncrements()` are plain `integer`;
// - MySQL (InnoDB) adds an index for every foreign key without one, named after the constraint
//   (`post_tag_tag_id_foreign`); index coverage is compared with `isIndexed`, which counts them.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import ts from 'typescript'
import type { ServerConnection } from '../../../engine/src/connection/server-options'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import {
  isIndexed,
  type ColumnType,
  type DatabaseSchema,
  type SchemaDialect,
} from '../../../engine/src/schema'
import { ProjectService } from '../../../server/src/project/project-service'
import { repoRoot } from '../../support/paths'
import { createServerDatabase, type ServerDialect } from './server-db'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

export const EXAMPLE_APP = path.join(repoRoot, 'examples', 'blog')

/** What the migrations reader makes of examples/blog (no database involved). */
export function exampleMigrationSchema(): DatabaseSchema {
  const schema = new ProjectService(ts).discover(EXAMPLE_APP)[0]?.schema()
  if (!schema || schema.source !== 'migrations') throw new Error('examples/blog has readable migrations')
  return schema
}

export interface ExampleDatabase {
  target: IntrospectionTarget
  drop(): Promise<void>
}

/** examples/blog's migrations and seed on a fresh SQLite file or a fresh server database. */
export async function createExampleDatabase(dialect: 'sqlite' | ServerDialect): Promise<ExampleDatabase> {
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  const create = script['createExampleDb'] as (target: string | object) => Promise<unknown>
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-introspect-'))
    const file = path.join(dir, 'db.sqlite3')
    await create(file)
    return {
      target: { kind: 'sqlite', file },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const database = await createServerDatabase(dialect, async () => undefined)
  const connection: ServerConnection = { ...database.settings }
  try {
    await create({ client: dialect, connection: { ...connection } })
  } catch (error) {
    await database.drop()
    throw error
  }
  return { target: { kind: dialect === 'pg' ? 'pg' : 'mysql', connection }, drop: () => database.drop() }
}

export interface ComparableTable {
  columns: string[]
  indexes: string[]
  foreignKeys: string[]
}

/** `name family [null] [primary] [increments] [indexed]` per column, indexes and foreign keys as text. */
export function comparable(schema: DatabaseSchema, dialect: SchemaDialect): Record<string, ComparableTable> {
  const out: Record<string, ComparableTable> = {}
  for (const table of [...schema.tables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const columns = [...table.columns.values()].map((c) =>
      [
        c.name,
        family(c.type, dialect),
        c.nullable ? 'null' : '',
        c.primary ? 'primary' : '',
        c.increments ? 'increments' : '',
        isIndexed(table, c.name, dialect) ? 'indexed' : '',
      ]
        .filter(Boolean)
        .join(' '),
    )
    const indexes = table.indexes
      .filter((i) => !(dialect === 'mysql' && !i.unique && i.name?.endsWith('_foreign')))
      .map((i) => `${i.columns.join(',')}${i.primary ? ' primary' : i.unique ? ' unique' : ''}`)
      .sort()
    const foreignKeys = table.foreignKeys
      .map((f) => `${f.columns.join(',')} -> ${f.table}(${(f.references ?? []).join(',')})`)
      .sort()
    out[table.name] = { columns, indexes, foreignKeys }
  }
  return out
}

function family(type: ColumnType, dialect: SchemaDialect): ColumnType {
  if (type === 'uuid' && dialect !== 'postgres') return 'string'
  if (type === 'bigint' && dialect === 'sqlite') return 'integer'
  return type
}
