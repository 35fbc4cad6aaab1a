// Applies the operations of the migrations, in migration order, to a schema: what the database
// looks like after `node ace migration:run`.
import type { ColumnSchema, DatabaseSchema, IndexSchema, TableSchema } from '../../../../engine/src/schema'
import type { ColumnOp, MigrationFile, SchemaOp, TableBody } from './migration-ops'

interface Replay {
  schema: DatabaseSchema
  /** The migration that created each table now in the schema. */
  createdBy: Map<string, string>
  /** Tables created again while they existed: which columns the database has is unknown. */
  unchecked: Map<string, string>
}

export function applyMigrations(files: MigrationFile[]): DatabaseSchema {
  const schema: DatabaseSchema = {
    source: 'migrations',
    tables: new Map(),
    complete: true,
    removedTables: new Map(),
  }
  const replay: Replay = { schema, createdBy: new Map(), unchecked: new Map() }
  const unreadable: string[] = []
  for (const file of files) {
    if (!file.recognized) {
      // A file in the migrations folder we cannot read may create or change any table.
      markUnknown(schema)
      unreadable.push(`${file.name} (no class extending BaseSchema)`)
      continue
    }
    for (const op of file.ops) {
      if (op.kind === 'unknown') unreadable.push(`${file.name} (${op.reason})`)
      applyOp(replay, op, file.name)
    }
  }
  const notes = [...replay.unchecked].map(([table, why]) => `Table "${table}" is not checked: ${why}.`)
  if (unreadable.length > 0) notes.push(unreadableNote(unreadable))
  if (replay.unchecked.size > 0) schema.uncheckedTables = replay.unchecked
  if (notes.length > 0) schema.notes = notes
  return schema
}

function unreadableNote(places: string[]): string {
  const shown =
    places.length > 3 ? `${places.slice(0, 3).join(', ')} and ${places.length - 3} more` : places.join(', ')
  return (
    `Some migrations cannot be read statically: ${shown}. They may create or change any table, so a ` +
    'missing table is not reported, nor a missing column or index of a table that exists before them.'
  )
}

function applyOp(replay: Replay, op: SchemaOp, migration: string): void {
  const { schema, createdBy, unchecked } = replay
  const removed = schema.removedTables as Map<string, string>
  switch (op.kind) {
    case 'createTable': {
      if (op.ifNotExists && schema.tables.has(op.table)) return
      const before = createdBy.get(op.table)
      // The second create fails on a real database, so which definition it has is unknown: whichever
      // one the checks picked, the other's columns would give false findings.
      if (schema.tables.has(op.table) && before !== undefined)
        unchecked.set(
          op.table,
          `${before} and ${migration} both create it with no drop in between, so the database has only ` +
            'one of the two definitions (the second migration fails where the table exists)',
        )
      const table = emptyTable(op.table)
      schema.tables.set(op.table, table)
      createdBy.set(op.table, migration)
      removed.delete(op.table)
      applyBody(table, op.body, migration)
      return
    }
    case 'alterTable': {
      const table = schema.tables.get(op.table)
      if (table) applyBody(table, op.body, migration)
      return
    }
    case 'dropTable':
      if (schema.tables.delete(op.table)) removed.set(op.table, `dropped by ${migration}`)
      createdBy.delete(op.table)
      unchecked.delete(op.table)
      return
    case 'renameTable': {
      const table = schema.tables.get(op.from)
      if (!table) return
      move(createdBy, op.from, op.to)
      move(unchecked, op.from, op.to)
      schema.tables.delete(op.from)
      table.name = op.to
      schema.tables.set(op.to, table)
      removed.set(op.from, `renamed to "${op.to}" by ${migration}`)
      removed.delete(op.to)
      return
    }
    case 'opaqueTable': {
      const table = schema.tables.get(op.table) ?? (op.created ? emptyTable(op.table) : undefined)
      if (!table) return
      // Raw SQL may say IF NOT EXISTS: a later create of the same table is not known to fail.
      createdBy.delete(op.table)
      table.complete = false
      schema.tables.set(op.table, table)
      removed.delete(op.table)
      return
    }
    case 'unknown':
      markUnknown(schema)
  }
}

function move(map: Map<string, string>, from: string, to: string): void {
  const value = map.get(from)
  map.delete(from)
  if (value !== undefined) map.set(to, value)
  else map.delete(to)
}

function markUnknown(schema: DatabaseSchema): void {
  schema.complete = false
  for (const table of schema.tables.values()) table.complete = false
}

function emptyTable(name: string): TableSchema {
  return { name, columns: new Map(), indexes: [], foreignKeys: [], complete: true, removedColumns: new Map() }
}

function applyBody(table: TableSchema, body: TableBody, migration: string): void {
  if (!body.complete) table.complete = false
  for (const op of body.ops) applyColumnOp(table, op, migration)
}

function applyColumnOp(table: TableSchema, op: ColumnOp, migration: string): void {
  const removed = table.removedColumns as Map<string, string>
  switch (op.kind) {
    case 'addColumn':
    case 'alterColumn': {
      const { name, type, rawType, nullable, primary, increments } = op.column
      const before = table.columns.get(name)
      const column: ColumnSchema = {
        name,
        type,
        rawType,
        // knex columns are nullable unless said otherwise; `.alter()` keeps what it does not restate.
        nullable: nullable ?? (op.kind === 'alterColumn' && before ? before.nullable : true),
        primary: primary || (op.kind === 'alterColumn' && before?.primary === true),
        increments,
      }
      table.columns.set(name, column)
      removed.delete(name)
      return
    }
    case 'addIndex':
      table.indexes.push(indexOf(table.name, op))
      return
    case 'addForeign':
      table.foreignKeys.push({
        columns: op.columns,
        ...(op.table !== undefined ? { table: op.table } : {}),
        ...(op.references ? { references: op.references } : {}),
      })
      return
    case 'renameColumn':
      renameColumn(table, op.from, op.to)
      removed.set(op.from, `renamed to "${op.to}" by ${migration}`)
      return
    case 'dropColumns':
      for (const name of op.names) {
        if (!table.columns.delete(name)) continue
        removed.set(name, `dropped by ${migration}`)
        // Databases drop the indexes and foreign keys that use a dropped column.
        table.indexes = table.indexes.filter((i) => !i.columns.includes(name))
        table.foreignKeys = table.foreignKeys.filter((f) => !f.columns.includes(name))
      }
      return
    case 'dropIndex':
      dropIndex(table, op)
      return
    case 'setNullable': {
      const column = table.columns.get(op.column)
      if (column) column.nullable = op.nullable
    }
  }
}

/** knex's default names (`posts_user_id_index`), so a later `dropIndex` by name finds them. */
function indexOf(table: string, op: Extract<ColumnOp, { kind: 'addIndex' }>): IndexSchema {
  const suffix = op.primary ? 'pkey' : op.unique ? 'unique' : 'index'
  const name = op.name ?? `${table}_${op.columns.join('_')}_${suffix}`.replace(/[.-]/g, '_').toLowerCase()
  return { name, columns: op.columns, unique: op.unique, primary: op.primary }
}

function renameColumn(table: TableSchema, from: string, to: string): void {
  const column = table.columns.get(from)
  if (!column) return
  // Rebuilt to keep the column order, which messages and tests read.
  table.columns = new Map(
    [...table.columns].map(([k, c]) => (k === from ? [to, { ...column, name: to }] : [k, c])),
  )
  const rename = (columns: string[]) => columns.map((c) => (c === from ? to : c))
  for (const index of table.indexes) index.columns = rename(index.columns)
  for (const fk of table.foreignKeys) fk.columns = rename(fk.columns)
}

function dropIndex(table: TableSchema, op: Extract<ColumnOp, { kind: 'dropIndex' }>): void {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i])
  if (op.type === 'foreign') {
    const columns = op.columns
    if (columns) table.foreignKeys = table.foreignKeys.filter((f) => !same(f.columns, columns))
    return
  }
  const matches = (index: IndexSchema): boolean => {
    if (op.name !== undefined) return index.name === op.name
    if (op.type === 'primary') return index.primary
    return (
      !!op.columns &&
      same(index.columns, op.columns) &&
      index.unique === (op.type === 'unique') &&
      !index.primary
    )
  }
  const at = table.indexes.findIndex(matches)
  if (at >= 0) table.indexes.splice(at, 1)
  if (op.type === 'primary') for (const column of table.columns.values()) column.primary = false
}
