// LL402-LL404 and LL407 for manyToMany: the pivot table exists, it has the two pivot key columns, each
// of the same type as the model key it holds, and every `pivotColumns` column. Lucid sends these names
// to the database as written: a missing one fails every query (or attach/sync) of the relation.
import type * as TS from 'typescript'
import { findColumn, findTable, type DatabaseSchema, type TableSchema } from '../../../../engine/src/schema'
import type { Finding } from '../finding'
import type { ModelRelation } from '../lucid-model'
import type { ResolvedKey, ResolvedPivot, ResolvedRelation } from '../relation-keys'
import { closest } from '../suggest'
import { checkTypes, missingColumn, type KeyColumn } from './schema-keys'
import { coverageOf, explainedMissing, nearTable } from './schema-scope'
import { according, schemaFinding, type SchemaContext } from './schema-support'

export function checkPivotColumns(
  context: SchemaContext,
  schema: DatabaseSchema,
  resolved: ResolvedRelation,
  relation: ModelRelation,
  sides: Map<ResolvedKey, KeyColumn | undefined>,
): Finding[] {
  const pivot = resolved.pivot
  if (!pivot || schema.uncheckedTables?.has(pivot.table)) return []
  const partial = coverageOf(context, schema).partial
  // A pivot table database/schema.ts does not list yet but newer migrations create: their word for it.
  const newer = schema.fallback && !findTable(schema, pivot.table) ? schema.fallback : undefined
  const source = newer && findTable(newer, pivot.table) ? newer : schema
  const table = findTable(source, pivot.table)
  if (!table) {
    // As LL401: an unreadable migration, or migrations of part of the database, are no evidence.
    if (!schema.complete || (partial && !explainedMissing(schema, pivot.table))) return []
    const node = pivot.tableOption?.node ?? relation.fact.decoratorNameNode
    return [missingPivot(context, schema, resolved.label, pivot, node)]
  }
  if (!table.complete || source.uncheckedTables?.has(table.name)) return []
  const absent = (name: string) => !partial || table.removedColumns?.has(name) === true
  const out: Finding[] = []
  for (const key of pivot.keys) {
    const node = key.option?.node ?? relation.fact.decoratorNameNode
    const side: KeyColumn = { role: key.role, table, name: key.name }
    const column = findColumn(table, key.name, source.dialect)
    if (!column) {
      if (absent(key.name)) out.push(missingColumn(source, resolved.label, side, node))
      continue
    }
    side.column = column
    const holds = key.holds && sides.get(key.holds)
    const typeProblem = holds?.column && checkTypes(source, resolved.label, holds, side, node)
    if (typeProblem) out.push(typeProblem)
  }
  for (const { name, node } of pivot.columns ?? []) {
    if (!findColumn(table, name, source.dialect) && absent(name))
      out.push(missingPivotColumn(source, resolved.label, table, name, node))
  }
  return out
}

function missingPivot(
  context: SchemaContext,
  schema: DatabaseSchema,
  label: string,
  pivot: ResolvedPivot,
  node: TS.Node,
): Finding {
  const how = pivot.tableOption ? 'its pivotTable' : `the naming-strategy default: ${pivot.tableDerivation}`
  const history = schema.removedTables?.get(pivot.table)
  // A default name was not typed by anyone: only a table shaped like the pivot is worth suggesting.
  // database/schema.ts names no tables; migrations newer than it (its fallback) do.
  const named = [schema, ...(schema.fallback ? [schema.fallback] : [])]
  const near = (s: DatabaseSchema) =>
    pivotLike(context, s, pivot) ?? (pivot.tableOption ? nearTable(s, pivot.table) : undefined)
  const suggestion = named.map(near).find((name) => name !== undefined)
  const hint = history
    ? ` The table was ${history}.`
    : suggestion
      ? ` Did you mean "${suggestion}"?${pivot.tableOption ? '' : ` Set pivotTable: '${suggestion}'.`}`
      : ''
  return schemaFinding(
    'schemaPivotMissing',
    node,
    `"${label}" uses pivot table "${pivot.table}" (${how}), which does not exist ${according(schema)}. ` +
      `Every query, preload, attach and sync of this relation fails.${hint}`,
    suggestion ? { suggestion } : {},
  )
}

/** The one table no model reads that has both pivot key columns (`memberships`: user_id, team_id). */
function pivotLike(context: SchemaContext, schema: DatabaseSchema, pivot: ResolvedPivot): string | undefined {
  if (pivot.keys.length < 2 || schema.tableNames === 'schema-file') return undefined
  const modelTables = new Set(context.index.allModels().map((m) => m.table))
  const matches = [...schema.tables.values()].filter(
    (table) =>
      !modelTables.has(table.name) && pivot.keys.every((key) => findColumn(table, key.name, schema.dialect)),
  )
  return matches.length === 1 ? matches[0]?.name : undefined
}

function missingPivotColumn(
  schema: DatabaseSchema,
  label: string,
  table: TableSchema,
  name: string,
  node: TS.Node,
): Finding {
  const suggestion = table.columnNames === 'schema-file' ? undefined : closest(name, table.columns.keys())
  return schemaFinding(
    'schemaPivotMissing',
    node,
    `"${label}" selects pivotColumns "${name}", which does not exist in pivot table "${table.name}" ` +
      `${according(schema)}. Every query and preload of this relation fails.` +
      (suggestion ? ` Did you mean "${suggestion}"?` : ''),
    suggestion ? { suggestion } : {},
  )
}
