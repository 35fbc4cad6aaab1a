// The relation card's schema block: each key's column as the schema in use has it (type, primary,
// nullable) and whether the column every preload filters on (`where fk in (...)`) is indexed, so a
// hover answers "do these keys line up in the database?" without opening a migration or a client.
import type { LucidModel, ModelIndex, ModelRelation } from '../analysis'
import { according } from '../analysis/checks/schema-support'
import type { ResolvedKey } from '../analysis'
import { relationShape, type KeyRole } from '../analysis/relation-shape'
import {
  findColumn,
  findTable,
  isIndexed,
  type ColumnSchema,
  type DatabaseSchema,
  type TableSchema,
} from '../../../engine/src/schema'
import { code } from './markdown-text'

/** Undefined for relations whose keys are not resolved (a dynamic option, a custom strategy...). */
export function relationColumns(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
  schema: DatabaseSchema,
  partial = false,
): string | undefined {
  const shape = relationShape(index, parent, relation)
  if (!shape) return undefined
  const lookup = lookupRole(relation.fact.kind)
  const lines = shape.keys.flatMap((key) => {
    const line = keyLine(schema, key, key.role === lookup, partial)
    return line ? [`- ${key.role} ${line}`] : []
  })
  if (shape.pivot) {
    // A preload of a manyToMany filters the pivot table on the column holding this model's key.
    const { table, foreignKey, relatedForeignKey } = shape.pivot
    const pivotLines: [string, string, boolean][] = [
      ['pivotForeignKey', foreignKey, true],
      ['pivotRelatedForeignKey', relatedForeignKey, false],
    ]
    for (const [role, column, isLookup] of pivotLines) {
      const line = columnLine(schema, table, column, isLookup, partial)
      if (line) lines.push(`- ${role} ${line}`)
    }
  }
  return lines.length ? [`Columns ${according(schema)}:`, ...lines].join('\n') : undefined
}

/** The key every preload filters on (`where <lookup> in (...)`); manyToMany's is on the pivot table. */
function lookupRole(kind: ModelRelation['fact']['kind']): KeyRole | undefined {
  if (kind === 'manyToMany') return undefined
  return kind === 'belongsTo' ? 'localKey' : 'foreignKey'
}

function keyLine(
  schema: DatabaseSchema,
  key: ResolvedKey,
  lookup: boolean,
  partial: boolean,
): string | undefined {
  // A key that is no column of its model has no column to look up: the line says so, not nothing
  // (only when the model's columns are all known).
  if (!key.column)
    return key.owner.complete
      ? `${code(`${key.owner.name}.${key.name}`)}: not a column of ${key.owner.name}`
      : undefined
  const name = key.column.columnName
  const tableName = key.owner.table
  if (name === undefined || tableName === undefined) return undefined
  return columnLine(schema, tableName, name, lookup, partial)
}

function columnLine(
  schema: DatabaseSchema,
  tableName: string,
  name: string,
  lookup: boolean,
  partial: boolean,
): string | undefined {
  // A table whose columns cannot be told (created twice, left out of database/schema.ts): no claim.
  if (schema.uncheckedTables?.has(tableName)) return undefined
  const table = findTable(schema, tableName)
  if (!table) return partial ? undefined : `${code(`${tableName}.${name}`)}: no table "${tableName}"`
  const column = findColumn(table, name, schema.dialect)
  if (!column)
    return table.complete && !partial ? `${code(`${table.name}.${name}`)}: no such column` : undefined
  const traits = [
    describeType(column),
    column.primary ? 'primary key' : '',
    column.nullable ? 'nullable' : '',
  ]
  if (lookup && !partial) traits.push(indexNote(table, column, schema))
  return `${code(`${table.name}.${column.name}`)}: ${traits.filter(Boolean).join(', ')}`
}

/** `integer`, or `string (char(36))` when the written type says more than its family. */
function describeType(column: ColumnSchema): string {
  const raw = column.rawType
  return raw && raw.toLowerCase() !== column.type ? `${column.type} (${code(raw)})` : column.type
}

function indexNote(table: TableSchema, column: ColumnSchema, schema: DatabaseSchema): string {
  const first = (columns: string[]) => columns[0]?.toLowerCase() === column.name.toLowerCase()
  const index = table.indexes.find((i) => first(i.columns))
  if (index) return `indexed${index.name ? ` (${code(index.name)})` : ''}`
  // database/schema.ts lists no indexes: say nothing rather than "not indexed".
  if (table.indexesKnown === false) return ''
  if (isIndexed(table, column.name, schema.dialect)) return 'indexed (by its foreign key)'
  return `**not indexed**: every preload runs ${code(`where ${column.name} in (...)`)}`
}
