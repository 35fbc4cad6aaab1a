// The schema of a model whose connection is one of several but not known (an unreadable default
// connection): every table and column any of them has. A table, column or index is missing only when
// it is missing from all of them, so whatever the real connection, the finding holds.
import type { ColumnSchema, DatabaseSchema, TableSchema } from '../../../../engine/src/schema'

export function unionSchema(schemas: DatabaseSchema[], label: string): DatabaseSchema {
  const tables = new Map<string, TableSchema>()
  const removed = new Map<string, string>()
  for (const schema of schemas) {
    for (const [key, table] of schema.tables) {
      const seen = tables.get(key)
      tables.set(key, seen ? mergeTables(seen, table) : copy(table))
    }
    for (const [name, why] of schema.removedTables ?? []) if (!removed.has(name)) removed.set(name, why)
  }
  for (const name of removed.keys()) if (tables.has(name)) removed.delete(name)
  const unchecked = new Map(schemas.flatMap((s) => [...(s.uncheckedTables ?? [])]))
  const dialects = new Set(schemas.map((s) => s.dialect))
  const [dialect] = dialects
  const fileNamed = schemas.every((s) => s.tableNames === 'schema-file')
  return {
    // Names in messages: `according to the migrations in database/a, database/b`.
    source: fileNamed ? 'schema-file' : 'migrations',
    file: label,
    tables,
    complete: schemas.every((s) => s.complete),
    removedTables: removed,
    ...(unchecked.size > 0 ? { uncheckedTables: unchecked } : {}),
    ...(dialects.size === 1 && dialect !== undefined ? { dialect } : {}),
    ...(fileNamed ? { tableNames: 'schema-file' as const } : {}),
  }
}

function copy(table: TableSchema): TableSchema {
  return {
    ...table,
    columns: new Map(table.columns),
    indexes: [...table.indexes],
    foreignKeys: [...table.foreignKeys],
  }
}

function mergeTables(a: TableSchema, b: TableSchema): TableSchema {
  const columns = new Map(a.columns)
  for (const [key, column] of b.columns) {
    const seen = columns.get(key)
    // Two definitions of one column: its type is whichever the connection has, so unknown here.
    columns.set(
      key,
      seen && !sameType(seen, column) ? { ...seen, type: 'unknown', rawType: 'unknown' } : (seen ?? column),
    )
  }
  return {
    ...a,
    columns,
    indexes: [...a.indexes, ...b.indexes],
    foreignKeys: [...a.foreignKeys, ...b.foreignKeys],
    complete: a.complete && b.complete,
    indexesKnown: a.indexesKnown !== false && b.indexesKnown !== false,
  }
}

function sameType(a: ColumnSchema, b: ColumnSchema): boolean {
  return a.type === b.type && a.nullable === b.nullable
}
