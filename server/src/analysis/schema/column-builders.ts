// knex's column builders (`table.integer('user_id')`) and the modifiers chained after them
// (`.unsigned().notNullable().references('id').inTable('users').index()`), as operations.
import type * as TS from 'typescript'
import { normalizeColumnType, type ColumnType } from '../../../../engine/src/schema'
import { objectProperties, type TsModule } from '../syntax'
import type { ChainCall } from './call-chain'
import { constantString } from './constant-string'
import type { ColumnDef, ColumnOp } from './migration-ops'

interface Builder {
  type: ColumnType
  /** The raw type shown in messages; a function when it depends on the arguments. */
  raw: string | ((args: readonly TS.Expression[], ts: TsModule) => string)
  increments?: boolean
  /** The column name when none is given (`table.increments()` is `id`). */
  defaultName?: string
}

const BUILDERS: Record<string, Builder> = {
  increments: { type: 'integer', raw: 'increments', increments: true, defaultName: 'id' },
  bigIncrements: { type: 'bigint', raw: 'bigIncrements', increments: true, defaultName: 'id' },
  bigincrements: { type: 'bigint', raw: 'bigIncrements', increments: true, defaultName: 'id' },
  integer: { type: 'integer', raw: 'integer' },
  tinyint: { type: 'integer', raw: 'tinyint' },
  smallint: { type: 'integer', raw: 'smallint' },
  mediumint: { type: 'integer', raw: 'mediumint' },
  bigInteger: { type: 'bigint', raw: 'bigInteger' },
  bigint: { type: 'bigint', raw: 'bigint' },
  string: { type: 'string', raw: (args, ts) => `varchar(${numberText(ts, args[1]) ?? '255'})` },
  text: { type: 'text', raw: 'text' },
  uuid: { type: 'uuid', raw: 'uuid' },
  boolean: { type: 'boolean', raw: 'boolean' },
  timestamp: { type: 'timestamp', raw: 'timestamp' },
  timestamptz: { type: 'timestamp', raw: 'timestamptz' },
  datetime: { type: 'timestamp', raw: 'datetime' },
  dateTime: { type: 'timestamp', raw: 'datetime' },
  date: { type: 'date', raw: 'date' },
  time: { type: 'unknown', raw: 'time' },
  json: { type: 'json', raw: 'json' },
  jsonb: { type: 'json', raw: 'jsonb' },
  decimal: { type: 'decimal', raw: 'decimal' },
  float: { type: 'float', raw: 'float' },
  double: { type: 'float', raw: 'double' },
  enum: { type: 'enum', raw: 'enum' },
  enu: { type: 'enum', raw: 'enum' },
  binary: { type: 'binary', raw: 'binary' },
  geometry: { type: 'unknown', raw: 'geometry' },
  geography: { type: 'unknown', raw: 'geography' },
  point: { type: 'unknown', raw: 'point' },
}

export function isColumnBuilder(name: string): boolean {
  return name in BUILDERS || name === 'specificType'
}

/**
 * A chain that starts with a column builder. Undefined when the column name (or a `specificType`
 * type) is not a constant: the table then holds a column we cannot name.
 */
export function readColumnChain(ts: TsModule, calls: ChainCall[]): ColumnOp[] | undefined {
  const [first, ...modifiers] = calls
  if (!first) return undefined
  const column = columnDef(ts, first)
  if (!column) return undefined
  const extra: ColumnOp[] = []
  let alter = false
  let references: { table?: string; column?: string } | undefined
  for (const modifier of modifiers) {
    const arg = modifier.args[0]
    switch (modifier.name) {
      case 'nullable':
        column.nullable = true
        break
      case 'notNullable':
      case 'notNull':
        column.nullable = false
        break
      case 'primary':
        column.primary = true
        extra.push({ kind: 'addIndex', columns: [column.name], unique: true, primary: true })
        break
      case 'unique':
        extra.push({
          kind: 'addIndex',
          columns: [column.name],
          unique: true,
          primary: false,
          ...named(ts, arg),
        })
        break
      case 'index':
        extra.push({
          kind: 'addIndex',
          columns: [column.name],
          unique: false,
          primary: false,
          ...named(ts, arg),
        })
        break
      case 'references':
        references = { ...references, ...splitReference(constantString(ts, arg)) }
        break
      case 'inTable':
        references = { ...references, table: constantString(ts, arg) }
        break
      case 'alter':
        alter = true
        break
      // Everything else (unsigned, defaultTo, comment, onDelete, after, collate, checks...) changes
      // neither the column's name, type family, keys nor indexes.
    }
  }
  if (references) {
    extra.push({
      kind: 'addForeign',
      columns: [column.name],
      ...(references.table !== undefined ? { table: references.table } : {}),
      ...(references.column !== undefined ? { references: [references.column] } : {}),
    })
  }
  if (!column.primary && !alter && primaryByOption(ts, first, column)) {
    column.primary = true
    extra.unshift({ kind: 'addIndex', columns: [column.name], unique: true, primary: true })
  }
  if (column.primary || column.increments) column.nullable ??= false
  return [alter ? { kind: 'alterColumn', column } : { kind: 'addColumn', column }, ...extra]
}

function columnDef(ts: TsModule, call: ChainCall): ColumnDef | undefined {
  const [nameArg, typeArg] = call.args
  const builder = BUILDERS[call.name]
  const name = nameArg ? constantString(ts, nameArg) : builder?.defaultName
  if (name === undefined) return undefined
  if (call.name === 'specificType') {
    const raw = constantString(ts, typeArg)
    if (raw === undefined) return undefined
    const type = normalizeColumnType(raw)
    return { name, type, rawType: raw, primary: false, increments: /serial/i.test(raw) }
  }
  if (!builder) return undefined
  const rawType = typeof builder.raw === 'string' ? builder.raw : builder.raw(call.args, ts)
  return { name, type: builder.type, rawType, primary: false, increments: builder.increments === true }
}

/**
 * knex's `{ primaryKey }` option: increments columns are primary unless it is `false`
 * (`increments('id', { primaryKey: false })`); `uuid('id', { primaryKey: true })` opts in.
 */
function primaryByOption(ts: TsModule, builder: ChainCall, column: ColumnDef): boolean {
  if (builder.name === 'specificType') return false // a `serial` column is not a primary key by itself
  const value = objectProperties(ts, builder.args[1]).get('primaryKey')?.kind
  return column.increments ? value !== ts.SyntaxKind.FalseKeyword : value === ts.SyntaxKind.TrueKeyword
}

/** `references('users.id')` names the table too; `references('id')` only the column. */
export function splitReference(value: string | undefined): { table?: string; column?: string } {
  if (value === undefined) return {}
  const dot = value.lastIndexOf('.')
  return dot < 0 ? { column: value } : { table: value.slice(0, dot), column: value.slice(dot + 1) }
}

/** An index name given as a string or as `{ indexName }` / `{ constraintName }`. */
export function named(ts: TsModule, arg: TS.Expression | undefined): { name?: string } {
  const direct = constantString(ts, arg)
  if (direct !== undefined) return { name: direct }
  const options = objectProperties(ts, arg)
  const name = constantString(ts, options.get('indexName') ?? options.get('constraintName'))
  return name !== undefined ? { name } : {}
}

function numberText(ts: TsModule, node: TS.Expression | undefined): string | undefined {
  return node && ts.isNumericLiteral(node) ? node.text : undefined
}
