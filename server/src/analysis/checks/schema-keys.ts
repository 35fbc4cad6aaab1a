// LL402-LL405: a relation's key columns against the schema: both exist, their types can be matched,
// and the column every preload filters on is indexed. Keys the model checks already reject (LL101...)
// have no column to look up and are left to those checks.
import type * as TS from 'typescript'
import { camelCase } from '../../../../engine/src/naming'
import {
  compatibleKeyTypes,
  findColumn,
  isIndexed,
  type ColumnSchema,
  type DatabaseSchema,
  type TableSchema,
} from '../../../../engine/src/schema'
import type { Finding } from '../finding'
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ResolvedKey } from '../relation-keys'
import { closest } from '../suggest'
import { schemaRelationKeys } from './schema-relation-keys'
import { coverageOf, schemaOf } from './schema-scope'
import { according, schemaFinding, tableOf, type SchemaContext } from './schema-support'

interface KeyColumn {
  key: ResolvedKey
  role: 'localKey' | 'foreignKey'
  table: TableSchema
  name: string
  column?: ColumnSchema
}

export function checkRelationColumns(
  context: SchemaContext,
  parent: LucidModel,
  relation: ModelRelation,
): Finding[] {
  const keys = schemaRelationKeys(context.index, parent, relation)
  const schema = schemaOf(context, parent)
  if (!keys || !schema) return []
  const partial = coverageOf(context, schema).partial
  const label = `${parent.name}.${relation.fact.name}`
  const range = (key: ResolvedKey): TS.Node => key.option?.node ?? relation.fact.decoratorNameNode
  const local = keyColumn(context, keys.localKey, 'localKey')
  const foreign = keyColumn(context, keys.foreignKey, 'foreignKey')
  const out: Finding[] = []
  for (const side of [local, foreign]) {
    // Migrations of part of the database: a column may be added elsewhere unless one of them removed it.
    if (side && !side.column && (!partial || side.table.removedColumns?.has(side.name)))
      out.push(missingColumn(schema, label, side, range(side.key)))
  }
  if (local?.column && foreign?.column) {
    const node = keys.foreignKey.option?.node ?? keys.localKey.option?.node ?? relation.fact.decoratorNameNode
    const typeProblem = checkTypes(schema, label, local, foreign, node)
    if (typeProblem) out.push(typeProblem)
  }
  const lookup = keys.lookup === keys.localKey ? local : foreign
  // An index may be made elsewhere when migrations cover part of the database; a schema file lists none.
  const indexesKnown = lookup?.table.indexesKnown !== false && !partial
  if (indexesKnown && lookup?.column && !isIndexed(lookup.table, lookup.column.name, schema.dialect)) {
    const where = `${lookup.table.name}.${lookup.column.name}`
    out.push(
      schemaFinding(
        'schemaForeignKeyNotIndexed',
        range(lookup.key),
        `"${label}": ${where} has no index ${according(schema)}. Every preload of this relation ` +
          `runs "where ${lookup.column.name} in (...)" and whereHas/withCount filter on it: add .index() to ` +
          `the column or table.index(['${lookup.column.name}']) in a migration.`,
      ),
    )
  }
  return out
}

/** The column of a key, when the key is a known column of a model whose table the schema has. */
function keyColumn(context: SchemaContext, key: ResolvedKey, role: KeyColumn['role']): KeyColumn | undefined {
  const name = key.column?.columnName
  const table = tableOf(context, key.owner)
  if (name === undefined || !table?.complete) return undefined
  const dialect = schemaOf(context, key.owner)?.dialect
  return { key, role, table, name, column: findColumn(table, name, dialect) }
}

function missingColumn(schema: DatabaseSchema, label: string, side: KeyColumn, node: TS.Node): Finding {
  const owner = side.key.owner
  const history = side.table.removedColumns?.get(side.name)
  const suggestion =
    side.table.columnNames === 'schema-file' ? undefined : closest(side.name, side.table.columns.keys())
  let hint = ''
  if (history) hint = ` The column was ${history}.`
  else if (suggestion) {
    const property = [...owner.columns.values()].find((c) => c.columnName === suggestion)?.fact.name
    const wouldMap = camelCase(suggestion, owner.strategy?.generation ?? 'v7')
    hint = property
      ? ` Closest column: "${suggestion}", the column of ${owner.name}.${property}.`
      : owner.strategy?.columnName(wouldMap) === suggestion
        ? ` Closest column: "${suggestion}"; a property "${wouldMap}" would map to it.`
        : ` Closest column: "${suggestion}"; map a property to it with columnName: '${suggestion}'.`
  }
  return schemaFinding(
    'schemaKeyColumnMissing',
    node,
    `"${label}" uses ${side.role} ${owner.name}.${side.key.name}, whose column "${side.name}" does not exist ` +
      `in table "${side.table.name}" ${according(schema)}. Lucid's queries on this relation fail.${hint}`,
  )
}

function checkTypes(
  schema: DatabaseSchema,
  label: string,
  local: KeyColumn,
  foreign: KeyColumn,
  node: TS.Node,
): Finding | undefined {
  const a = local.column as ColumnSchema
  const b = foreign.column as ColumnSchema
  const verdict = compatibleKeyTypes(a.type, b.type, schema.dialect)
  if (verdict === 'ok') return undefined
  const describe = (side: KeyColumn, c: ColumnSchema) =>
    `${side.role} ${side.table.name}.${c.name} is ${c.type}${c.rawType.toLowerCase() !== c.type ? ` (${c.rawType})` : ''}`
  const pair = `"${label}": ${describe(local, a)} but ${describe(foreign, b)} ${according(schema)}.`
  if (verdict === 'error') {
    return schemaFinding(
      'schemaKeyTypeMismatch',
      node,
      `${pair} Lucid matches related rows with ===, so preloads come back empty, and whereHas/withCount ` +
        `compare mismatched types in SQL. Give both columns the same type.`,
    )
  }
  const onPg = schema.dialect === 'postgres' ? 'On PostgreSQL' : 'If the app runs on PostgreSQL'
  const integers = [a.type, b.type].includes('bigint')
  const why = integers
    ? `${onPg}, the pg driver returns bigint as a string, so Lucid's === match of 1 and "1" fails and ` +
      `preloads come back empty without an error. Use the same integer type for both columns.`
    : `${onPg}, uuid and varchar cannot be compared without a cast: whereHas/withCount fail with ` +
      `"operator does not exist: uuid = character varying". Use uuid for both columns.`
  return schemaFinding('schemaKeyTypeDrift', node, `${pair} ${why}`)
}
