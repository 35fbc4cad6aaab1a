// A variable that stands for one row of a loop over fetched rows: `for (const user of users)`,
// `users.forEach((user) => ...)`, `Promise.all(users.map(async (user) => ...))`.
import type * as TS from 'typescript'
import { declarationOf, rowsOrigin, type OriginContext, type RowsOrigin } from './rows-origin'

export type LoopKind = 'for…of' | 'forEach' | 'map' | 'flatMap' | 'array callback'

export interface RowLoop {
  kind: LoopKind
  /** The `for…of` statement, or the `forEach`/`map` call. */
  node: TS.Node
  /** The loop body or the callback. */
  body: TS.Node
  rows: TS.Expression
  origin: RowsOrigin
  row: TS.Identifier
  /** `Promise.all(...)` around a `map`/`flatMap`: the rows are handled concurrently. */
  promiseAll?: TS.CallExpression
}

const SYNC_CALLBACKS = new Set(['filter', 'find', 'some', 'every', 'forEach', 'map', 'flatMap', 'reduce'])

/** The loop whose row `name` is, when the rows' origin is certain. */
export function rowLoopOf(ctx: OriginContext, name: TS.Identifier): RowLoop | undefined {
  const decl = declarationOf(ctx, name)
  return decl ? rowLoopOfDeclaration(ctx, decl) : undefined
}

export function rowLoopOfDeclaration(ctx: OriginContext, decl: TS.Declaration): RowLoop | undefined {
  const { ts } = ctx
  if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
    const list = decl.parent
    const loop = list.parent
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined
    if (!ts.isForOfStatement(loop) || loop.awaitModifier) return undefined
    const origin = rowsOrigin(ctx, loop.expression)
    return origin?.many
      ? { kind: 'for…of', node: loop, body: loop.statement, rows: loop.expression, origin, row: decl.name }
      : undefined
  }
  if (!ts.isParameter(decl) || !ts.isIdentifier(decl.name)) return undefined
  const fn = decl.parent
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined
  const call = fn.parent
  const param0 = call && ts.isCallExpression(call) && call.arguments[0] === fn && fn.parameters[0] === decl
  if (!param0 || !ts.isPropertyAccessExpression(call.expression)) return undefined
  const method = call.expression.name.text
  // reduce's first parameter is the accumulator.
  if (!SYNC_CALLBACKS.has(method) || method === 'reduce') return undefined
  const origin = rowsOrigin(ctx, call.expression.expression)
  if (!origin?.many) return undefined
  const kind: LoopKind =
    method === 'forEach' || method === 'map' || method === 'flatMap' ? method : 'array callback'
  const loop: RowLoop = {
    kind,
    node: call,
    body: fn,
    rows: call.expression.expression,
    origin,
    row: decl.name,
  }
  const all = promiseAllAround(ctx, call)
  return all ? { ...loop, promiseAll: all } : loop
}

/** `Promise.all(rows.map(...))`: the call that awaits every callback. */
function promiseAllAround(ctx: OriginContext, call: TS.CallExpression): TS.CallExpression | undefined {
  const { ts } = ctx
  let node: TS.Node = call
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent
  const outer = node.parent
  if (!outer || !ts.isCallExpression(outer) || outer.arguments[0] !== node) return undefined
  const callee = outer.expression
  const isAll =
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    (callee.name.text === 'all' || callee.name.text === 'allSettled')
  return isAll ? outer : undefined
}
