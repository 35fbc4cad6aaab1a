// `root.a(x).b(y)` as its root and its calls in source order: how knex's builders are written.
import type * as TS from 'typescript'
import { skipOuter, type TsModule } from '../syntax'

export interface ChainCall {
  name: string
  args: readonly TS.Expression[]
  node: TS.CallExpression
}

export interface CallChain {
  root: TS.Expression
  calls: ChainCall[]
}

/** Undefined when some link is not a `.name(...)` call (a property read, an element access...). */
export function callChain(ts: TsModule, expression: TS.Expression): CallChain | undefined {
  const calls: ChainCall[] = []
  let current = skipOuter(ts, expression)
  while (ts.isCallExpression(current)) {
    const callee = current.expression
    if (!ts.isPropertyAccessExpression(callee)) return undefined
    calls.push({ name: callee.name.text, args: current.arguments, node: current })
    current = skipOuter(ts, callee.expression)
  }
  return calls.length > 0 ? { root: current, calls: calls.reverse() } : undefined
}

/** `this.schema`, the root of every schema statement in a migration. */
export function isThisSchema(ts: TsModule, node: TS.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    node.expression.kind === ts.SyntaxKind.ThisKeyword &&
    node.name.text === 'schema'
  )
}
