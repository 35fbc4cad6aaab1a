// A variable or an element read that stands for one row of a loop over fetched rows:
// `for (const user of users)`, `for (const [i, user] of users.entries())`, `users.forEach((user) => ...)`,
// `Promise.all(users.map(async (user) => ...))`, and `users[i]` in a loop that counts through the
// rows (`index-loops.ts`), directly or through `const user = users[i]`.
import type * as TS from 'typescript'
import { elementLoopOf } from './index-loops'
import { isStatementLoop } from './loop-syntax'
import { declarationOf, rowsOrigin, type OriginContext, type RowsOrigin } from './rows-origin'

export type LoopKind =
  'for…of' | 'for' | 'for…in' | 'while' | 'forEach' | 'map' | 'flatMap' | 'array callback'

export interface RowLoop {
  kind: LoopKind
  /** The loop statement, or the `forEach`/`map` call. */
  node: TS.Node
  /** The loop body or the callback. */
  body: TS.Node
  rows: TS.Expression
  origin: RowsOrigin
  /** The row: the loop's variable, a `const` holding `rows[i]`, or the element read `rows[i]`. */
  row: TS.Identifier | TS.ElementAccessExpression
  /** The index of a loop that counts through the rows (`i` in `let i = 0`). */
  index?: TS.Identifier
  /** `Promise.all(...)` around a `map`/`flatMap`: the rows are handled concurrently. */
  promiseAll?: TS.CallExpression
}

const SYNC_CALLBACKS = new Set(['filter', 'find', 'some', 'every', 'forEach', 'map', 'flatMap', 'reduce'])

/** The loop whose row `expr` is, when the rows' origin is certain. */
export function rowLoopOf(ctx: OriginContext, expr: TS.Expression): RowLoop | undefined {
  const { ts } = ctx
  if (ts.isElementAccessExpression(expr)) return elementLoopOf(ctx, expr)
  const decl = ts.isIdentifier(expr) ? declarationOf(ctx, expr) : undefined
  return decl ? rowLoopOfDeclaration(ctx, decl) : undefined
}

/** A per-row statement in this loop runs once per row before the work goes on: an N+1. */
export function runsPerRow(loop: RowLoop): boolean {
  if (isStatementLoop(loop) || loop.kind === 'forEach') return true
  return loop.kind !== 'array callback' && !!loop.promiseAll
}

function rowLoopOfDeclaration(ctx: OriginContext, decl: TS.Declaration): RowLoop | undefined {
  const { ts } = ctx
  if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
    const list = decl.parent
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined
    const loop = list.parent
    let init = decl.initializer
    while (init && ts.isParenthesizedExpression(init)) init = init.expression
    if (init && ts.isElementAccessExpression(init)) {
      const element = elementLoopOf(ctx, init)
      return element && { ...element, row: decl.name }
    }
    if (!ts.isForOfStatement(loop) || loop.awaitModifier) return undefined
    const origin = rowsOrigin(ctx, loop.expression)
    return origin?.many
      ? { kind: 'for…of', node: loop, body: loop.statement, rows: loop.expression, origin, row: decl.name }
      : undefined
  }
  if (ts.isBindingElement(decl)) return entriesLoop(ctx, decl)
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

/** `for (const [i, user] of users.entries())`: `user` is the row. */
function entriesLoop(ctx: OriginContext, element: TS.BindingElement): RowLoop | undefined {
  const { ts } = ctx
  const pattern = element.parent
  if (!ts.isIdentifier(element.name) || element.dotDotDotToken || element.initializer) return undefined
  if (!ts.isArrayBindingPattern(pattern) || pattern.elements[1] !== element) return undefined
  const decl = pattern.parent
  const list = decl.parent
  const loop = list?.parent
  if (!ts.isVariableDeclaration(decl) || !ts.isVariableDeclarationList(list) || !loop) return undefined
  if (!(list.flags & ts.NodeFlags.Const) || !ts.isForOfStatement(loop) || loop.awaitModifier) return undefined
  const call = loop.expression
  if (!ts.isCallExpression(call) || call.arguments.length > 0) return undefined
  const callee = call.expression
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'entries') return undefined
  const origin = rowsOrigin(ctx, callee.expression)
  return origin?.many
    ? { kind: 'for…of', node: loop, body: loop.statement, rows: callee.expression, origin, row: element.name }
    : undefined
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
