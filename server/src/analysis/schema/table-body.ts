// The callback of `createTable(name, (table) => { ... })` / `alterTable`: column builders and
// table-level calls. Whatever cannot be read makes the table incomplete instead of being guessed.
import type * as TS from 'typescript'
import { mentions, skipOuter, type TsModule } from '../syntax'
import { callChain, type ChainCall } from './call-chain'
import { isColumnBuilder, named, readColumnChain, splitReference } from './column-builders'
import { constantString, constantStrings } from './constant-string'
import type { ColumnOp, TableBody } from './migration-ops'

/** Table methods that change nothing the checks look at. */
const HARMLESS = new Set(['comment', 'engine', 'charset', 'collate', 'check', 'dropChecks', 'queryContext'])

export function readTableBody(ts: TsModule, callback: TS.Expression | undefined): TableBody {
  if (!callback) return { ops: [], complete: true }
  const fn = skipOuter(ts, callback)
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return { ops: [], complete: false }
  const param = fn.parameters[0]?.name
  if (!param) return { ops: [], complete: true }
  if (!ts.isIdentifier(param)) return { ops: [], complete: false }
  const body: TableBody = { ops: [], complete: true }
  if (ts.isBlock(fn.body)) readStatements(ts, fn.body.statements, param.text, body)
  else readExpression(ts, fn.body, param.text, body)
  return body
}

function readStatements(
  ts: TsModule,
  statements: readonly TS.Statement[],
  table: string,
  body: TableBody,
): void {
  for (const statement of statements) {
    if (ts.isExpressionStatement(statement)) readExpression(ts, statement.expression, table, body)
    else if (ts.isBlock(statement)) readStatements(ts, statement.statements, table, body)
    else if (ts.isIfStatement(statement)) {
      // Both branches are applied: dialect switches usually define the same column either way.
      readStatements(ts, [statement.thenStatement], table, body)
      if (statement.elseStatement) readStatements(ts, [statement.elseStatement], table, body)
    } else if (mentions(ts, statement, table)) body.complete = false
  }
}

function readExpression(ts: TsModule, expression: TS.Expression, table: string, body: TableBody): void {
  const chain = callChain(ts, expression)
  const root = chain && skipOuter(ts, chain.root)
  if (!chain || !root || !ts.isIdentifier(root) || root.text !== table) {
    if (mentions(ts, expression, table)) body.complete = false
    return
  }
  const ops = readTableChain(ts, chain.calls)
  if (ops) body.ops.push(...ops)
  else body.complete = false
}

/** One `table.xxx(...)...` chain; undefined when it is unknown or names something non-constant. */
function readTableChain(ts: TsModule, calls: ChainCall[]): ColumnOp[] | undefined {
  const [first, ...rest] = calls
  if (!first) return undefined
  if (isColumnBuilder(first.name)) return readColumnChain(ts, calls)
  const [a, b] = first.args
  switch (first.name) {
    case 'index':
    case 'unique':
    case 'primary': {
      const columns = constantStrings(ts, a)
      if (!columns) return undefined
      const unique = first.name !== 'index'
      const primary = first.name === 'primary'
      return [{ kind: 'addIndex', columns, unique, primary, ...named(ts, b) }]
    }
    case 'foreign':
      return foreign(ts, a, rest)
    case 'renameColumn': {
      const from = constantString(ts, a)
      const to = constantString(ts, b)
      return from === undefined || to === undefined ? undefined : [{ kind: 'renameColumn', from, to }]
    }
    case 'dropColumn':
    case 'dropColumns': {
      const names = first.args.map((arg) => constantStrings(ts, arg))
      return names.every((n) => n !== undefined) ? [{ kind: 'dropColumns', names: names.flat() }] : undefined
    }
    case 'timestamps':
      return timestamps(ts, first.args)
    case 'dropTimestamps': {
      const camel = first.args[0]?.kind === ts.SyntaxKind.TrueKeyword
      return [
        { kind: 'dropColumns', names: camel ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at'] },
      ]
    }
    case 'dropIndex':
    case 'dropUnique':
    case 'dropForeign':
      return [dropIndex(ts, first.name, a, b)]
    case 'dropPrimary':
      return [{ kind: 'dropIndex', type: 'primary', ...named(ts, a) }]
    case 'setNullable':
    case 'dropNullable': {
      const column = constantString(ts, a)
      return column === undefined
        ? undefined
        : [{ kind: 'setNullable', column, nullable: first.name === 'setNullable' }]
    }
  }
  return HARMLESS.has(first.name) ? [] : undefined
}

function foreign(
  ts: TsModule,
  columnsArg: TS.Expression | undefined,
  rest: ChainCall[],
): ColumnOp[] | undefined {
  const columns = constantStrings(ts, columnsArg)
  if (!columns) return undefined
  const op: Extract<ColumnOp, { kind: 'addForeign' }> = { kind: 'addForeign', columns }
  for (const call of rest) {
    if (call.name === 'references') {
      const refs = constantStrings(ts, call.args[0])
      const split = refs?.map(splitReference)
      if (split?.[0]?.table !== undefined) op.table = split[0].table
      if (split) op.references = split.map((s) => s.column ?? '')
    } else if (call.name === 'inTable') {
      const table = constantString(ts, call.args[0])
      if (table !== undefined) op.table = table
    }
  }
  return [op]
}

/** `timestamps(useTimestamps?, defaultToNow?, useCamelCase?)`: created_at and updated_at. */
function timestamps(ts: TsModule, args: readonly TS.Expression[]): ColumnOp[] {
  const isTrue = (arg: TS.Expression | undefined) => arg?.kind === ts.SyntaxKind.TrueKeyword
  const names = isTrue(args[2]) ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at']
  // With defaultToNow the columns are NOT NULL DEFAULT CURRENT_TIMESTAMP; otherwise nullable.
  const nullable = !isTrue(args[1])
  return names.map((name) => ({
    kind: 'addColumn' as const,
    column: {
      name,
      type: 'timestamp' as const,
      rawType: 'timestamp',
      nullable,
      primary: false,
      increments: false,
    },
  }))
}

function dropIndex(
  ts: TsModule,
  method: 'dropIndex' | 'dropUnique' | 'dropForeign',
  columnsArg: TS.Expression | undefined,
  nameArg: TS.Expression | undefined,
): ColumnOp {
  const type = method === 'dropIndex' ? 'index' : method === 'dropUnique' ? 'unique' : 'foreign'
  const columns = constantStrings(ts, columnsArg)
  return {
    kind: 'dropIndex',
    type,
    ...(columns && columns.length > 0 ? { columns } : {}),
    ...named(ts, nameArg),
  }
}

/** Whether the table parameter is used here: an unreadable use may add or drop columns. */
