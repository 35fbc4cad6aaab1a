// Reads a SQLite database's tables, columns, indexes and foreign keys from its own catalog
// (sqlite_master and the pragma table functions) through a read-only, query-only handle. The
// handle waits at most BUSY_TIMEOUT_MS for a writer's lock: the language server calls this on its
// only thread, and a busy database is simply read again on its next change.
//
// The language server reads again whenever the file changes, so one connection per file is kept
// with its statements prepared once: better-sqlite3 objects are never collected (see
// connection/sqlite-keep-alive.ts), and a connection per read would grow the process with every
// write the app makes. A file replaced by another (deleted and created again) gets a new one.
import type Database from 'better-sqlite3'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DatabaseError } from '../connection/database-errors'
import { openReadOnly } from '../connection/load-sqlite-driver'
import type { DatabaseSchema } from '../schema'
import { assembleSchema, EXPRESSION, type CatalogRows, type IndexRow } from './assemble'

const BUSY_TIMEOUT_MS = 250

export function introspectSqlite(file: string): Promise<DatabaseSchema> {
  return withReader(file, (reader) => assembleSchema('sqlite', readCatalog(reader)))
}

/**
 * SQLite's `schema_version`, which every CREATE/ALTER/DROP increments and no data write touches: a
 * changed file whose version is the same needs no new introspection.
 */
export function sqliteSchemaVersion(file: string): Promise<number> {
  return withReader(file, (reader) => Number(reader.schemaVersion.get()))
}

/** An open connection to one file and the statements every read runs, prepared once. */
interface CatalogReader {
  db: Database.Database
  /** The file it opened (device and inode): another file at the same path needs a new connection. */
  identity: string
  schemaVersion: Database.Statement
  masters: Database.Statement
  tableInfo: Database.Statement
  indexList: Database.Statement
  indexInfo: Database.Statement
  foreignKeys: Database.Statement
}

const readers = new Map<string, CatalogReader>()

async function withReader<T>(file: string, read: (reader: CatalogReader) => T): Promise<T> {
  const key = path.resolve(file)
  try {
    return read(readerFor(key))
  } catch (error) {
    // No driver loads: that message already names the file and says what to do.
    if (error instanceof DatabaseError && error.code === 'E_SQLITE_DRIVER') throw error
    // A writer's lock passes; anything else (a file that changed under the connection, or is not
    // a database now) and the next read opens the file again.
    if (!isBusy(error)) forget(key)
    const message = error instanceof Error ? error.message : String(error)
    throw new DatabaseError(`Cannot read the SQLite database ${file}: ${message}`, 'E_CONNECTION')
  }
}

function readerFor(file: string): CatalogReader {
  let identity: string
  try {
    const stat = fs.statSync(file)
    identity = `${stat.dev}:${stat.ino}`
  } catch {
    throw new Error('unable to open database file (it does not exist)')
  }
  const cached = readers.get(file)
  if (cached?.identity === identity) return cached
  forget(file)
  // The driver is loaded on first use, so the language server starts (and falls back to the
  // migrations) where no driver loads.
  const db = openReadOnly(file, BUSY_TIMEOUT_MS)
  try {
    const reader: CatalogReader = {
      db,
      identity,
      schemaVersion: db.prepare('pragma schema_version').pluck(),
      masters: db.prepare(
        `select name, type, sql from sqlite_master where type in ('table', 'view') ` +
          `and name not like 'sqlite\\_%' escape '\\' order by name`,
      ),
      tableInfo: db.prepare('select name, type, "notnull", pk from pragma_table_info(?) order by cid'),
      indexList: db.prepare('select name, "unique", origin from pragma_index_list(?)'),
      indexInfo: db.prepare('select name from pragma_index_info(?) order by seqno'),
      foreignKeys: db.prepare(
        'select id, "table", "from", "to" from pragma_foreign_key_list(?) order by id, seq',
      ),
    }
    readers.set(file, reader)
    return reader
  } catch (error) {
    db.close()
    throw error
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)
}

function forget(file: string): void {
  const reader = readers.get(file)
  readers.delete(file)
  reader?.db.close()
}

interface TableInfo {
  name: string
  type: string
  notnull: number
  pk: number
}

function readCatalog(reader: CatalogReader): CatalogRows {
  const masters = reader.masters.all() as { name: string; type: string; sql: string | null }[]
  const rows: CatalogRows = { tables: [], columns: [], indexes: [], foreignKeys: [] }
  const { tableInfo, indexList, indexInfo, foreignKeys } = reader
  for (const master of masters) {
    const table = master.name
    rows.tables.push(table)
    const info = tableInfo.all(table) as TableInfo[]
    const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    const rowid = rowidAlias(master, keys)
    for (const column of info)
      rows.columns.push({
        table,
        name: column.name,
        rawType: column.type,
        nullable: column.notnull === 0,
        increments: column.name === rowid,
      })
    // An INTEGER PRIMARY KEY is the rowid itself: the fastest lookup, though no index lists it.
    if (rowid !== undefined)
      rows.indexes.push({ table, name: `${table}_pkey`, columns: [rowid], unique: true, primary: true })
    for (const index of indexList.all(table) as { name: string; unique: number; origin: string }[])
      rows.indexes.push(indexRow(table, index, indexInfo))
    const references = new Map<number, { table: string; from: string[]; to: (string | null)[] }>()
    for (const fk of foreignKeys.all(table) as {
      id: number
      table: string
      from: string
      to: string | null
    }[]) {
      const entry = references.get(fk.id) ?? { table: fk.table, from: [], to: [] }
      entry.from.push(fk.from)
      entry.to.push(fk.to)
      references.set(fk.id, entry)
    }
    for (const fk of references.values())
      rows.foreignKeys.push({
        table,
        columns: fk.from,
        referencedTable: fk.table,
        // `references users` without columns points at the parent's primary key, resolved by SQLite later.
        ...(fk.to.every((c): c is string => c !== null) ? { references: fk.to } : {}),
      })
  }
  return rows
}

function indexRow(
  table: string,
  index: { name: string; unique: number; origin: string },
  indexInfo: Database.Statement,
): IndexRow {
  const columns = (indexInfo.all(index.name) as { name: string | null }[]).map((c) => c.name ?? EXPRESSION)
  return { table, name: index.name, columns, unique: index.unique === 1, primary: index.origin === 'pk' }
}

/**
 * The column that aliases the rowid: the only primary key column, declared exactly INTEGER, of a
 * table that is not WITHOUT ROWID (https://www.sqlite.org/lang_createtable.html#rowid).
 */
function rowidAlias(master: { type: string; sql: string | null }, keys: TableInfo[]): string | undefined {
  const [only] = keys
  if (master.type !== 'table' || keys.length !== 1 || !only) return undefined
  if (only.type.toUpperCase() !== 'INTEGER') return undefined
  return /\)\s*without\s+rowid\s*;?\s*$/i.test(master.sql ?? '') ? undefined : only.name
}
