// LL402-LL405: a relation's key columns against the schema: each exists, the columns Lucid matches
// can be compared, and the column every preload filters on is indexed (hasMany/hasOne/belongsTo).
// Keys the model checks already reject (LL101...) have no column to look up and are left to those
// checks. manyToMany's pivot table is checked in schema-pivot.ts, with the same column sides.
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
import { resolveRelation, type ResolvedKey } from '../relation-keys'
import { closest } from '../suggest'
import { checkPivotColumns } from './schema-pivot'
import { coverageOf, schemaOf } from './schema-scope'
import { according, schemaFinding, tableOf, type SchemaContext } from './schema-support'

/** One side of a key match: a model key's column, or a pivot column (which no model owns). */
export interface KeyColumn {
  /** The option's name: `localKey`, `pivotForeignKey`... */
  role: string
  /** The model property for model keys (its owner suggests a property for the closest column). */
  key?: ResolvedKey
  table: TableSchema
  name: string
  column?: ColumnSchema
}

export function checkRelationColumns(
  context: SchemaContext,
  parent: LucidModel,
  relation: ModelRelation,
): Finding[] {
  const resolved = resolveRelation(context.index, parent, relation)
  const schema = schemaOf(context, parent)
  if (!resolved || !schema) return []
  const partial = coverageOf(context, schema).partial
  const { label } = resolved
  const range = (key: ResolvedKey): TS.Node => key.option?.node ?? relation.fact.decoratorNameNode
  const sides = new Map(resolved.keys.map((key) => [key, keyColumn(context, key)]))
  const out: Finding[] = []
  for (const [key, side] of sides) {
    // Migrations of part of the database: a column may be added elsewhere unless one of them removed it.
    if (side && !side.column && (!partial || side.table.removedColumns?.has(side.name)))
      out.push(missingColumn(schema, label, side, range(key)))
  }
  for (const { local, foreign } of resolved.pairs) {
    const a = sides.get(local)
    const b = sides.get(foreign)
    if (!a?.column || !b?.column) continue
    const node = foreign.option?.node ?? local.option?.node ?? relation.fact.decoratorNameNode
    const typeProblem = checkTypes(schema, label, a, b, node)
    if (typeProblem) out.push(typeProblem)
  }
  if (resolved.pivot) out.push(...checkPivotColumns(context, schema, resolved, relation, sides))
  const lookup = resolved.lookup && sides.get(resolved.lookup)
  // An index may be made elsewhere when migrations cover part of the database; a schema file lists none.
  const indexesKnown = lookup?.table.indexesKnown !== false && !partial
  if (
    indexesKnown &&
    lookup?.column &&
    !isIndexed(lookup.table, lookup.column.name, schema.dialect) &&
    !(relation.fact.onQuery && inSomeIndex(lookup.table, lookup.column.name))
  ) {
    const where = `${lookup.table.name}.${lookup.column.name}`
    out.push(
      schemaFinding(
        'schemaForeignKeyNotIndexed',
        range(resolved.lookup as ResolvedKey),
        `"${label}": ${where} has no index ${according(schema)}. Every preload of this relation ` +
          `runs "where ${lookup.column.name} in (...)" and whereHas/withCount filter on it: add .index() to ` +
          `the column or table.index(['${lookup.column.name}']) in a migration.`,
        { unindexed: { table: lookup.table.name, column: lookup.column.name } },
      ),
    )
  }
  return out
}

/**
 * An index with the column after its first: usable when onQuery's own where fixes the columns before
 * it (a polymorphic `where('attachable_type', 'Reply')` with an index on type and id). Whether it does
 * is not read, so such a relation is not reported.
 */
function inSomeIndex(table: TableSchema, column: string): boolean {
  const lower = column.toLowerCase()
  return table.indexes.some((index) => index.columns.some((c) => c.toLowerCase() === lower))
}

/** The column of a key, when the key is a known column of a model whose table the schema has. */
function keyColumn(context: SchemaContext, key: ResolvedKey): KeyColumn | undefined {
  const name = key.column?.columnName
  const table = tableOf(context, key.owner)
  if (name === undefined || !table?.complete) return undefined
  const dialect = schemaOf(context, key.owner)?.dialect
  return { key, role: key.role, table, name, column: findColumn(table, name, dialect) }
}

export function missingColumn(
  schema: DatabaseSchema,
  label: string,
  side: KeyColumn,
  node: TS.Node,
): Finding {
  const owner = side.key?.owner
  const history = side.table.removedColumns?.get(side.name)
  const suggestion =
    side.table.columnNames === 'schema-file' ? undefined : closest(side.name, side.table.columns.keys())
  let hint = ''
  if (history) hint = ` The column was ${history}.`
  else if (suggestion && !owner) hint = ` Closest column: "${suggestion}".`
  else if (suggestion && owner) {
    const property = [...owner.columns.values()].find((c) => c.columnName === suggestion)?.fact.name
    const wouldMap = camelCase(suggestion, owner.strategy?.generation ?? 'v7')
    hint = property
      ? ` Closest column: "${suggestion}", the column of ${owner.name}.${property}.`
      : owner.strategy?.columnName(wouldMap) === suggestion
        ? ` Closest column: "${suggestion}"; a property "${wouldMap}" would map to it.`
        : ` Closest column: "${suggestion}"; map a property to it with columnName: '${suggestion}'.`
  }
  const subject =
    owner && side.key
      ? `${side.role} ${owner.name}.${side.key.name}, whose column "${side.name}" does`
      : `the ${side.role} column "${side.name}", which does`
  return schemaFinding(
    'schemaKeyColumnMissing',
    node,
    `"${label}" uses ${subject} not exist ` +
      `in table "${side.table.name}" ${according(schema)}. Lucid's queries on this relation fail.${hint}`,
  )
}

export function checkTypes(
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
