// What every dialect's catalog queries boil down to: flat rows of tables, columns, indexes and foreign
// keys, assembled here into the DatabaseSchema the schema checks read, so the three readers only
// differ in their SQL and their type names.
import {
  normalizeColumnType,
  type ColumnSchema,
  type ColumnType,
  type DatabaseSchema,
  type SchemaDialect,
  type TableSchema,
} from '../schema'

export interface ColumnRow {
  table: string
  name: string
  rawType: string
  /** Set when the dialect knows better than the type name (a PostgreSQL enum, an array). */
  type?: ColumnType
  nullable: boolean
  increments: boolean
}

export interface IndexRow {
  table: string
  name: string
  /** In index order; an expression is `(expression)`, so it never counts as a column's index. */
  columns: string[]
  unique: boolean
  primary: boolean
}

export interface ForeignKeyRow {
  table: string
  columns: string[]
  referencedTable: string
  references?: string[]
}

export interface CatalogRows {
  tables: string[]
  columns: ColumnRow[]
  indexes: IndexRow[]
  foreignKeys: ForeignKeyRow[]
}

export const EXPRESSION = '(expression)'

/** Rows of tables the catalog did not list (a race with a concurrent DDL) are ignored. */
export function assembleSchema(dialect: SchemaDialect, rows: CatalogRows): DatabaseSchema {
  const tables = new Map<string, TableSchema>()
  for (const name of rows.tables) {
    if (tables.has(name)) continue
    tables.set(name, { name, columns: new Map(), indexes: [], foreignKeys: [], complete: true })
  }
  for (const row of rows.columns) {
    const column: ColumnSchema = {
      name: row.name,
      type: row.type ?? normalizeColumnType(row.rawType),
      rawType: row.rawType,
      nullable: row.nullable,
      primary: false,
      increments: row.increments,
    }
    tables.get(row.table)?.columns.set(row.name, column)
  }
  for (const row of rows.indexes) {
    const table = tables.get(row.table)
    if (!table) continue
    table.indexes.push({ name: row.name, columns: row.columns, unique: row.unique, primary: row.primary })
    // The primary key is the one index the columns themselves remember.
    if (row.primary) for (const name of row.columns) markPrimary(table, name)
  }
  for (const row of rows.foreignKeys) {
    tables.get(row.table)?.foreignKeys.push({
      columns: row.columns,
      table: row.referencedTable,
      ...(row.references ? { references: row.references } : {}),
    })
  }
  return { source: 'database', dialect, tables, complete: true }
}

function markPrimary(table: TableSchema, name: string): void {
  const column = table.columns.get(name)
  if (!column) return
  column.primary = true
  // Primary key columns can never hold NULL (SQLite's legacy exception is not something apps use).
  column.nullable = false
}
