// LL406: a `@column` of the model has no column in its table. Lucid selects `*`, so reads only come
// back undefined, but every insert or update that sets the property fails.
import { findColumn, type TableSchema } from '../../../../engine/src/schema'
import type { Finding } from '../finding'
import type { LucidModel, ModelColumn } from '../lucid-model'
import { closest } from '../suggest'
import { coverageOf, schemaOf } from './schema-scope'
import { according, readsOwnTable, schemaFinding, tableOf, type SchemaContext } from './schema-support'

export function checkModelColumns(context: SchemaContext, model: LucidModel): Finding[] {
  // A base class whose default table happens to exist is checked like any model.
  if (!readsOwnTable(model)) return []
  const table = tableOf(context, model)
  const schema = schemaOf(context, model)
  if (!table?.complete || !schema) return []
  // Migrations of part of the database: a column may be added elsewhere unless one of them removed it.
  const partial = coverageOf(context, schema).partial
  const missing = [...model.columns.values()].filter(
    (c) =>
      c.columnName !== undefined &&
      !findColumn(table, c.columnName, schema.dialect) &&
      (!partial || table.removedColumns?.has(c.columnName) === true),
  )
  const mapped = new Set([...model.columns.values()].map((c) => c.columnName))
  const unmapped = [...table.columns.keys()].filter((name) => !mapped.has(name))
  const out: Finding[] = []
  const inherited: ModelColumn[] = []
  for (const column of missing) {
    if (column.declaredBy !== model.facts) {
      inherited.push(column)
      continue
    }
    const name = column.columnName as string
    out.push(
      schemaFinding(
        'schemaColumnMissing',
        column.fact.nameNode,
        `${model.name}.${column.fact.name} is the column "${name}", but table "${table.name}" has no such ` +
          `column ${according(schema)}. Reads leave it undefined and every insert or update that sets it fails.` +
          hint(table, name, unmapped),
      ),
    )
  }
  if (inherited.length > 0) {
    const list = inherited
      .map((c) => `${c.fact.name} ("${c.columnName}", from ${c.declaredBy.name})`)
      .join(', ')
    out.push(
      schemaFinding(
        'schemaColumnMissing',
        model.facts.node.name ?? model.facts.node,
        `${model.name} inherits ${inherited.length === 1 ? 'the column' : 'the columns'} ${list}, but table ` +
          `"${table.name}" has no such column ${according(schema)}. Inserts and updates that set ` +
          `${inherited.length === 1 ? 'it' : 'them'} fail.`,
      ),
    )
  }
  return out
}

function hint(table: TableSchema, name: string, unmapped: string[]): string {
  const history = table.removedColumns?.get(name)
  if (history) return ` The column was ${history}.`
  // Schema-file columns are keyed by property names, which are no column names to suggest.
  const suggestion = table.columnNames === 'schema-file' ? undefined : closest(name, unmapped)
  return suggestion ? ` Closest unmapped column: "${suggestion}" (use columnName: '${suggestion}').` : ''
}
