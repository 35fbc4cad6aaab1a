// LL601: a column string in a model query that is neither an attribute of the model (Lucid resolves
// those to their columns) nor a column of its table. Checked only against a table the schema fully
// knows: without one, an undeclared column of the table is indistinguishable from a typo.
import type * as TS from 'typescript'
import { findColumn, findTable, type DatabaseSchema, type TableSchema } from '../../../../engine/src/schema'
import { finding, type Finding } from '../finding'
import { COLUMN_METHODS, type CallFact } from '../file-facts'
import type { ModelInference } from '../infer'
import type { LucidModel } from '../lucid-model'
import { closest } from '../suggest'
import { memberName, type TsModule } from '../syntax'
import { composesPackageMixin } from './package-mixins'
import { mayJoinRelationTables } from './query-origin'
import { queryRef } from './query-ref'
import { queryScope } from './query-scope'
import { coverageOf, schemaOf, type SchemaContext } from './schema-scope'
import { according, readsOwnTable, tableOf } from './schema-support'

/** Methods every argument of which is a column. */
const ALL_ARGUMENTS = new Set(['select', 'groupBy'])
/** Methods whose first argument may be an object keyed by columns. */
const OBJECT_ARGUMENT = new Set(['where', 'orWhere', 'andWhere', 'whereNot', 'increment', 'decrement'])
const NAME = /^[A-Za-z_]\w*$/

export function checkQueryColumns(
  ts: TsModule,
  inference: ModelInference,
  schema: SchemaContext | undefined,
  call: CallFact,
): Finding[] {
  if (!schema || !COLUMN_METHODS.has(call.method)) return []
  const first = call.node.arguments[0]
  if (!first) return []
  const names = columnNodes(ts, call)
  if (names.length === 0) return []
  const ref = queryRef(ts, inference, call.receiver)
  if (ref?.kind !== 'query') return []
  const known = knownColumns(schema, ref.model)
  if (!known) return []
  const scope = queryScope(ts, call.node)
  if (scope.otherTables) return []
  // A pivot or through table joined by the relation: its columns need no qualifier.
  if (mayJoinRelationTables(ts, inference, schema.index.checker, call.receiver)) return []
  const out: Finding[] = []
  for (const { node, text } of names) {
    const problem = unknown(known, text, scope.aliases)
    if (problem) out.push(report(call, known, { node, text }, problem))
  }
  return out
}

interface ColumnNode {
  node: TS.Node
  /** The column as written, `table.column` included, without an ` as alias`. */
  text: string
}

function columnNodes(ts: TsModule, call: CallFact): ColumnNode[] {
  const args = ALL_ARGUMENTS.has(call.method) ? call.node.arguments : call.node.arguments.slice(0, 1)
  const out: ColumnNode[] = []
  for (const arg of args) {
    const items = call.method === 'select' && ts.isArrayLiteralExpression(arg) ? arg.elements : [arg]
    for (const item of items) {
      if (ts.isStringLiteral(item)) {
        const text = item.text.replace(/\s+as\s+\w+\s*$/i, '').trim()
        out.push({ node: item, text })
      }
    }
  }
  const first = call.node.arguments[0]
  if (first && OBJECT_ARGUMENT.has(call.method) && ts.isObjectLiteralExpression(first)) {
    for (const prop of first.properties) {
      if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue
      if (ts.isComputedPropertyName(prop.name)) continue
      const name = memberName(ts, prop.name)
      if (name !== undefined) out.push({ node: prop.name, text: name })
    }
  }
  return out
}

interface KnownColumns {
  model: LucidModel
  table: TableSchema
  schema: DatabaseSchema
  /** Attribute names and their column names. */
  names: Set<string>
}

const knownMemo = new WeakMap<SchemaContext, Map<LucidModel, KnownColumns | undefined>>()

/** What the model and its table accept, or undefined when either cannot be fully known. */
function knownColumns(context: SchemaContext, model: LucidModel): KnownColumns | undefined {
  let memo = knownMemo.get(context)
  if (!memo) knownMemo.set(context, (memo = new Map()))
  if (!memo.has(model)) memo.set(model, readKnownColumns(context, model))
  return memo.get(model)
}

function readKnownColumns(context: SchemaContext, model: LucidModel): KnownColumns | undefined {
  if (!readsOwnTable(model) || !model.strategy || composesPackageMixin(context.index, model)) return undefined
  const table = tableOf(context, model)
  const schema = schemaOf(context, model)
  // Migrations of part of the database: a column may come from elsewhere.
  if (!table?.complete || !schema || coverageOf(context, schema).partial) return undefined
  const names = new Set<string>([model.primaryKey])
  for (const [attribute, column] of model.columns) {
    names.add(attribute)
    if (column.columnName !== undefined) names.add(column.columnName)
  }
  return { model, table, schema, names }
}

interface Problem {
  /** The table the column was looked up in. */
  table: TableSchema
  column: string
  /** The replacement for the whole string, when a near name exists. */
  suggestion?: string
  ownTable: boolean
}

function unknown(known: KnownColumns, text: string, aliases: Set<string>): Problem | undefined {
  const parts = text.split('.')
  if (parts.length > 2 || !parts.every((p) => NAME.test(p))) return undefined // `*`, JSON paths, raw
  const [qualifier, column] = parts.length === 2 ? (parts as [string, string]) : [undefined, text]
  const ownTable = qualifier === undefined || qualifier.toLowerCase() === known.model.table?.toLowerCase()
  if (ownTable) {
    if (known.names.has(column) || aliases.has(column)) return undefined
    if (findColumn(known.table, column, known.schema.dialect)) return undefined
    // `storeId` on a model that does not declare it: Lucid sends it as written, the column is `store_id`.
    const near =
      sameLoosely(known.table, column) ?? closest(column, [...known.names, ...columnsOf(known.table)])
    return {
      table: known.table,
      column,
      ownTable,
      suggestion: near && (qualifier ? `${qualifier}.${near}` : near),
    }
  }
  // Another table (a whereHas subquery naming the parent): only a table the schema fully knows.
  const other = findTable(known.schema, qualifier as string)
  if (!other?.complete || other.columnNames === 'schema-file') return undefined
  if (known.schema.uncheckedTables?.has(other.name)) return undefined
  if (findColumn(other, column, known.schema.dialect)) return undefined
  const near = closest(column, other.columns.keys())
  return { table: other, column, ownTable, suggestion: near && `${qualifier}.${near}` }
}

/** The table's column whose name differs only in case and underscores, when its exact name is known. */
function sameLoosely(table: TableSchema, name: string): string | undefined {
  const loose = (text: string): string => text.replace(/_/g, '').toLowerCase()
  if (table.columnNames === 'schema-file') {
    const column = table.columns.get(loose(name))
    return column && table.exactNames?.has(loose(name)) ? column.name : undefined
  }
  return [...table.columns.values()].find((c) => loose(c.name) === loose(name))?.name
}

/** Column names to suggest; schema-file tables are keyed by loose property names, not columns. */
function columnsOf(table: TableSchema): string[] {
  return table.columnNames === 'schema-file' ? [] : [...table.columns.values()].map((c) => c.name)
}

function report(call: CallFact, known: KnownColumns, column: ColumnNode, problem: Problem): Finding {
  const { node, text } = column
  const owner = problem.ownTable ? ` is no attribute of ${known.model.name} and` : ''
  const message =
    `${call.method}('${text}'): "${problem.column}"${owner} is not a column of table "${problem.table.name}" ` +
    `${according(known.schema)}, so the database rejects the query.` +
    (problem.suggestion ? ` Did you mean '${problem.suggestion}'?` : '')
  // A literal with an alias (`'x as y'`) is not replaced whole: the fix would drop the alias.
  const whole = node.getText().slice(1, -1) === text || !/['"]/.test(node.getText()[0] ?? '')
  return finding('unknownQueryColumn', node, message, {
    suggestion: whole ? problem.suggestion : undefined,
  })
}
