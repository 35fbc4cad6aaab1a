// The relation card's schema block: each key's column as the schema in use has it (type, primary,
// nullable) and whether the column every preload filters on (`where fk in (...)`) is indexed, so a
// hover answers "do these keys line up in the database?" without opening a migration or a client.
import type { LucidModel, ModelIndex, ModelRelation } from '../analysis'
import { schemaRelationKeys } from '../analysis/checks/schema-relation-keys'
import { according } from '../analysis/checks/schema-support'
import type { ResolvedKey } from '../analysis'
import {
  findColumn,
  findTable,
  isIndexed,
  type ColumnSchema,
  type DatabaseSchema,
  type TableSchema,
} from '../../../engine/src/schema'
import { code } from './markdown-text'

/** Undefined for relations whose keys are not resolved (manyToMany, custom strategies...). */
export function relationColumns(
  index: ModelIndex,
  parent: LucidModel,
  relation: ModelRelation,
  schema: DatabaseSchema,
): string | undefined {
  const keys = schemaRelationKeys(index, parent, relation)
  if (!keys) return undefined
  const lines = (['localKey', 'foreignKey'] as const).flatMap((role) => {
    const line = keyLine(schema, keys[role], keys[role] === keys.lookup)
    return line ? [`- ${role} ${line}`] : []
  })
  return lines.length ? [`Columns ${according(schema)}:`, ...lines].join('\n') : undefined
}

function keyLine(schema: DatabaseSchema, key: ResolvedKey, lookup: boolean): string | undefined {
  // A key that is no column of its model has no column to look up: the line says so, not nothing.
  if (!key.column) return `${code(`${key.owner.name}.${key.name}`)}: not a column of ${key.owner.name}`
  const name = key.column.columnName
  const tableName = key.owner.table
  if (name === undefined || tableName === undefined) return undefined
  const table = findTable(schema, tableName)
  if (!table) return `${code(`${tableName}.${name}`)}: no table "${tableName}"`
  const column = findColumn(table, name, schema.dialect)
  if (!column) return table.complete ? `${code(`${table.name}.${name}`)}: no such column` : undefined
  const traits = [
    describeType(column),
    column.primary ? 'primary key' : '',
    column.nullable ? 'nullable' : '',
  ]
  if (lookup) traits.push(indexNote(table, column, schema))
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
  if (isIndexed(table, column.name, schema.dialect)) return 'indexed (by its foreign key)'
  return `**not indexed**: every preload runs ${code(`where ${column.name} in (...)`)}`
}
