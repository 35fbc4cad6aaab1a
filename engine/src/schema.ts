// The database schema the relation checks compare models against. Two sources produce it: the app's
// migrations, read statically by the analysis, and the live development database through
// the engine's introspection (engine/src/introspect). Plain data, no compiler objects, no connection.
import { columnKey, tableKeys } from './schema-file-names'

/** Normalized column type families: what matters for comparing keys, not the exact SQL type. */
export type ColumnType =
  | 'integer'
  | 'bigint'
  | 'string'
  | 'text'
  | 'uuid'
  | 'boolean'
  | 'timestamp'
  | 'date'
  | 'json'
  | 'decimal'
  | 'float'
  | 'binary'
  | 'enum'
  | 'unknown'

export interface ColumnSchema {
  name: string
  type: ColumnType
  /** The type as written (`varchar(255)`, `bigIncrements`, `int4`), for messages. */
  rawType: string
  nullable: boolean
  primary: boolean
  /** An auto-incrementing key (`increments`, `bigIncrements`, `serial`). */
  increments: boolean
}

export interface IndexSchema {
  name?: string
  /** In index order: only an index whose first column is X helps a `where X in (...)` lookup. */
  columns: string[]
  unique: boolean
  primary: boolean
}

export interface ForeignKeySchema {
  columns: string[]
  /** The referenced table and columns, when known. */
  table?: string
  references?: string[]
}

export interface TableSchema {
  name: string
  columns: Map<string, ColumnSchema>
  indexes: IndexSchema[]
  foreignKeys: ForeignKeySchema[]
  /**
   * False when something touched the table that could not be read (raw SQL, a column added in a loop),
   * so a missing column or index is no evidence. A live database is always complete.
   */
  complete: boolean
  /** Columns renamed or dropped over time, with a sentence saying how (migrations only). */
  removedColumns?: Map<string, string>
  /** `schema-file`: columns are keyed by `columnKey` of their property name (see schema-file-names.ts). */
  columnNames?: 'schema-file'
  /** False when the source does not list indexes or foreign keys (database/schema.ts): no index finding. */
  indexesKnown?: boolean
  /** Columns newer migrations add that database/schema.ts does not list yet, by their exact names. */
  newerColumns?: Map<string, ColumnSchema>
  /** Keys of schema-file columns whose exact name the migrations tell: only that name finds them. */
  exactNames?: Set<string>
}

/** `schema-file`: the schema classes `node ace migration:run` writes to database/schema.ts (Lucid 22). */
export type SchemaSource = 'migrations' | 'database' | 'schema-file'

/** `postgres`, `mysql`, `sqlite`, `mssql`, `oracle`, or undefined when unknown. */
export type SchemaDialect = 'postgres' | 'mysql' | 'sqlite' | 'mssql' | 'oracle'

export interface DatabaseSchema {
  source: SchemaSource
  dialect?: SchemaDialect
  tables: Map<string, TableSchema>
  /** False when tables may exist that the source could not show (e.g. an unreadable migration). */
  complete: boolean
  /** Tables renamed or dropped over time, with a sentence saying how (migrations only). */
  removedTables?: Map<string, string>
  /** Which database it was read from, for messages: `sqlite tmp/db.sqlite3`, `postgres db:5432/blog`. */
  label?: string
  /**
   * Tables the source names but whose columns it cannot tell (created twice by the migrations, left out
   * of the schema file...), with why: no check looks inside them, and none reports them missing.
   */
  uncheckedTables?: Map<string, string>
  /** What could not be checked against this schema and why, in sentences for the log and status. */
  notes?: string[]
  /** `schema-file`: tables are keyed by `schemaClassKey` of their class name (see schema-file-names.ts). */
  tableNames?: 'schema-file'
  /** Where the schema was read from, for messages when it is a file (`database/schema.ts`). */
  file?: string
  /** For tables this schema does not list: the schema that has them (migrations newer than the file). */
  fallback?: DatabaseSchema
}

/** A knex client name (`pg`, `better-sqlite3`, `mysql2`...) as a dialect. */
export function dialectOfClient(client: string): SchemaDialect | undefined {
  const name = client.toLowerCase()
  if (/^(pg|postgres|postgresql|pgnative|cockroachdb|redshift)$/.test(name)) return 'postgres'
  if (/^(mysql|mysql2|mariadb)$/.test(name)) return 'mysql'
  if (/sqlite/.test(name) || name === 'libsql') return 'sqlite'
  if (name === 'mssql') return 'mssql'
  if (/^oracle/.test(name)) return 'oracle'
  return undefined
}

/**
 * Whether the two key columns of a relation can work together. Lucid matches related rows in
 * JavaScript with `===` and whereHas/withCount compare the columns in SQL, so:
 * - the same family, or string-like with string-like (varchar, text, enum): ok;
 * - integer with bigint: a warning where the dialect is PostgreSQL (or unknown), because `pg` returns
 *   bigint as a string and `1 === '1'` fails silently; MySQL and SQLite drivers return numbers;
 * - uuid with varchar/text: a warning on PostgreSQL (or unknown), where comparing them in SQL needs a
 *   cast (`operator does not exist: uuid = character varying`); elsewhere a uuid is a string;
 * - anything else (integer with string or uuid, boolean with integer...): an error;
 * - `unknown` on either side: ok, nothing can be claimed.
 */
export function compatibleKeyTypes(
  a: ColumnType,
  b: ColumnType,
  dialect?: SchemaDialect,
): 'ok' | 'warning' | 'error' {
  if (a === b || a === 'unknown' || b === 'unknown') return 'ok'
  const pair = new Set([a, b])
  const strict = dialect === undefined || dialect === 'postgres'
  if (pair.has('integer') && pair.has('bigint')) return strict ? 'warning' : 'ok'
  if ([...pair].every((t) => STRING_LIKE.has(t))) return 'ok'
  if (pair.has('uuid') && [...pair].every((t) => t === 'uuid' || STRING_LIKE.has(t)))
    return strict ? 'warning' : 'ok'
  return 'error'
}

const STRING_LIKE = new Set<ColumnType>(['string', 'text', 'enum'])

/** The table, matched exactly, then without a schema prefix, then (except PostgreSQL) ignoring case. */
export function findTable(schema: DatabaseSchema, name: string): TableSchema | undefined {
  if (schema.tableNames === 'schema-file') {
    for (const key of tableKeys(name)) {
      const table = schema.tables.get(key)
      // Named as the model asked: the file does not say the table's own name.
      if (table) return { ...table, name }
    }
    return undefined
  }
  const exact = schema.tables.get(name) ?? schema.tables.get(name.slice(name.lastIndexOf('.') + 1))
  if (exact || schema.dialect === 'postgres') return exact
  const lower = name.toLowerCase()
  return [...schema.tables.values()].find((t) => t.name.toLowerCase() === lower)
}

/** PostgreSQL identifiers quoted by knex are case-sensitive; MySQL and SQLite columns are not. */
export function findColumn(
  table: TableSchema,
  name: string,
  dialect?: SchemaDialect,
): ColumnSchema | undefined {
  if (table.columnNames === 'schema-file') {
    const key = columnKey(name)
    const column = table.columns.get(key)
    const exact = table.exactNames?.has(key) === true
    const same =
      column &&
      (dialect === 'postgres' ? column.name === name : column.name.toLowerCase() === name.toLowerCase())
    if (column && (!exact || same)) return { ...column, name }
    return table.newerColumns?.get(name)
  }
  const exact = table.columns.get(name)
  if (exact || dialect === 'postgres') return exact
  const lower = name.toLowerCase()
  return [...table.columns.values()].find((c) => c.name.toLowerCase() === lower)
}

/**
 * Whether a lookup `where column in (...)` can use an index: an index, unique constraint or primary
 * key whose first column is this one. MySQL (InnoDB) creates an index for every foreign key
 * constraint, so there (and when the dialect is unknown) a foreign key counts too.
 */
export function isIndexed(table: TableSchema, column: string, dialect?: SchemaDialect): boolean {
  const same = (a: string | undefined) => a !== undefined && a.toLowerCase() === column.toLowerCase()
  if (table.indexes.some((index) => same(index.columns[0]))) return true
  if (dialect !== undefined && dialect !== 'mysql') return false
  return table.foreignKeys.some((fk) => same(fk.columns[0]))
}

/** A SQL type name (`character varying(255)`, `int4`, `BIGINT UNSIGNED`, `jsonb`) as a family. */
export function normalizeColumnType(raw: string): ColumnType {
  const type = raw.toLowerCase().trim()
  for (const [pattern, family] of TYPE_PATTERNS) if (pattern.test(type)) return family
  return 'unknown'
}

const TYPE_PATTERNS: [RegExp, ColumnType][] = [
  [/^(bigint|int8|bigserial|serial8|bigincrements|biginteger)\b/, 'bigint'],
  [/^tinyint\(1\)/, 'boolean'],
  [/^(int|integer|int2|int4|smallint|mediumint|tinyint|serial|serial4|smallserial|increments)\b/, 'integer'],
  [/^(uuid|uniqueidentifier)\b/, 'uuid'],
  [/^(bool|boolean|bit)\b/, 'boolean'],
  [/^(varchar|character varying|nvarchar|char|character|nchar|string|citext|varchar2)\b/, 'string'],
  [/^(text|tinytext|mediumtext|longtext|ntext|clob)\b/, 'text'],
  [/^(timestamp|timestamptz|datetime|datetime2|datetimeoffset|smalldatetime)\b/, 'timestamp'],
  [/^date\b/, 'date'],
  [/^(json|jsonb)\b/, 'json'],
  [/^(decimal|numeric|money)\b/, 'decimal'],
  [/^(float|float4|float8|double|double precision|real)\b/, 'float'],
  [/^(binary|varbinary|blob|tinyblob|mediumblob|longblob|bytea|image)\b/, 'binary'],
  [/^enum\b/, 'enum'],
]
