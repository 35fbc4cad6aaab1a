// Reads a MySQL/MariaDB schema from information_schema through the preview executor, so the same
// guarantees hold: `START TRANSACTION READ ONLY`, always rolled back, plain selects only, a server
// time limit. Only the connection's database counts (Lucid's unqualified names resolve there).
// Every column is aliased in lower case: MySQL 8 reports information_schema names in upper case.
import type { Row, StatementExecutor } from '../query/runtime'
import type { DatabaseSchema } from '../schema'
import { assembleSchema, EXPRESSION, type CatalogRows } from './assemble'

const ROW_CAP = 1_000_000

const TABLES = `select table_name as name from information_schema.tables
where table_schema = database() order by table_name`

const COLUMNS = `select table_name as tbl, column_name as name, column_type as raw_type,
  is_nullable as is_nullable, extra as extra
from information_schema.columns where table_schema = database()
order by table_name, ordinal_position`

// A functional index (MySQL 8) has no column_name at its position.
const INDEXES = `select table_name as tbl, index_name as name, non_unique as non_unique,
  column_name as column_name
from information_schema.statistics where table_schema = database()
order by table_name, index_name, seq_in_index`

const FOREIGN_KEYS = `select table_name as tbl, constraint_name as name, column_name as column_name,
  referenced_table_name as referenced_table, referenced_column_name as referenced_column
from information_schema.key_column_usage
where table_schema = database() and referenced_table_name is not null
order by table_name, constraint_name, ordinal_position`

export async function readMysqlSchema(executor: StatementExecutor): Promise<DatabaseSchema> {
  const select = async (sql: string): Promise<Row[]> => (await executor.run(sql, [], ROW_CAP)).rows
  const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('utf8') : String(value))
  const rows: CatalogRows = { tables: [], columns: [], indexes: [], foreignKeys: [] }
  for (const row of await select(TABLES)) rows.tables.push(text(row['name']))
  for (const row of await select(COLUMNS)) {
    rows.columns.push({
      table: text(row['tbl']),
      name: text(row['name']),
      rawType: text(row['raw_type']),
      nullable: text(row['is_nullable']) === 'YES',
      increments: /auto_increment/i.test(text(row['extra'])),
    })
  }
  const indexes = new Map<string, CatalogRows['indexes'][number]>()
  for (const row of await select(INDEXES)) {
    const table = text(row['tbl'])
    const name = text(row['name'])
    const key = `${table}\u0000${name}`
    const index = indexes.get(key) ?? {
      table,
      name,
      columns: [],
      unique: Number(row['non_unique']) === 0,
      primary: name === 'PRIMARY',
    }
    index.columns.push(row['column_name'] == null ? EXPRESSION : text(row['column_name']))
    indexes.set(key, index)
  }
  rows.indexes.push(...indexes.values())
  const foreignKeys = new Map<string, CatalogRows['foreignKeys'][number]>()
  for (const row of await select(FOREIGN_KEYS)) {
    const table = text(row['tbl'])
    const key = `${table}\u0000${text(row['name'])}`
    const fk = foreignKeys.get(key) ?? {
      table,
      columns: [],
      referencedTable: text(row['referenced_table']),
      references: [],
    }
    fk.columns.push(text(row['column_name']))
    fk.references?.push(text(row['referenced_column']))
    foreignKeys.set(key, fk)
  }
  rows.foreignKeys.push(...foreignKeys.values())
  return assembleSchema('mysql', rows)
}
