// A member of an object a call hands back: `const { user } = await sessions.current(socket)` where
// the method is declared to return `Promise<{ user: User; ... }>`, or where every return statement
// is an object literal (`return { orders: created, total }`), and the same for what
// `db.transaction(...)` gives back. A literal without the member gives `undefined` (no row); a
// spread or a non-literal return could hold anything, so the member is then not known.
import type * as TS from 'typescript'
import type { ModelInference, ModelRef } from './infer'
import { agreedRef } from './infer-branches'
import { transactionCallback } from './infer-transaction'
import { refOfTypeNode } from './infer-types'
import { resolveName } from './resolve'
import { memberName, returnedExpressions, skipOuter, stringValue, type TsModule } from './syntax'

export function objectMemberRef(
  inf: ModelInference,
  init: TS.Expression,
  key: string,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  const node = skipOuter(ts, init)
  if (ts.isObjectLiteralExpression(node)) {
    const value = memberValue(ts, node, key)
    return value && value !== 'unknown' ? inf.of(value, depth + 1) : undefined
  }
  if (!ts.isCallExpression(node)) return undefined
  const fn = transactionCallback(inf, node) ?? calleeFunction(inf, node)
  if (!fn) return undefined
  if (fn.type) return declaredMemberRef(inf, fn.type, key)
  const values: TS.Expression[] = []
  for (const returned of returnedExpressions(ts, fn)) {
    const literal = skipOuter(ts, returned)
    if (!ts.isObjectLiteralExpression(literal)) return undefined
    const value = memberValue(ts, literal, key)
    if (value === 'unknown') return undefined
    if (value) values.push(value)
  }
  return agreedRef(inf, values, depth)
}

/** The function a call runs, found by the checker, when it has a body to read. */
function calleeFunction(
  inf: ModelInference,
  call: TS.CallExpression,
): TS.FunctionLikeDeclaration | undefined {
  const ts = inf.index.ts
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression
  const resolution = resolveName(ts, inf.index.checker, callee)
  let decl: TS.Node | undefined = resolution.kind === 'declaration' ? resolution.declaration : undefined
  if (decl && (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer)
    decl = skipOuter(ts, decl.initializer)
  if (!decl) return undefined
  if (
    !ts.isFunctionDeclaration(decl) &&
    !ts.isMethodDeclaration(decl) &&
    !ts.isArrowFunction(decl) &&
    !ts.isFunctionExpression(decl)
  )
    return undefined
  return decl.body ? decl : undefined
}

/** `Promise<{ user: User }>` or `{ user: User }` as written: the member's type. */
function declaredMemberRef(inf: ModelInference, type: TS.TypeNode, key: string): ModelRef | undefined {
  const ts = inf.index.ts
  let node = type
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Promise') {
    const inner = node.typeArguments?.[0]
    if (!inner) return undefined
    node = inner
  }
  if (!ts.isTypeLiteralNode(node)) return undefined
  const member = node.members.find((m) => m.name && memberName(ts, m.name) === key)
  return member && ts.isPropertySignature(member) && member.type
    ? refOfTypeNode(inf.index, member.type)
    : undefined
}

/**
 * The expression a literal gives for `key`: the last property of that name, unless a spread after it
 * may replace it; 'unknown' when a spread or a method may be the one; undefined when it has none.
 */
function memberValue(
  ts: TsModule,
  literal: TS.ObjectLiteralExpression,
  key: string,
): TS.Expression | 'unknown' | undefined {
  let value: TS.Expression | 'unknown' | undefined
  for (const property of literal.properties) {
    const computed = property.name && ts.isComputedPropertyName(property.name)
    if (ts.isSpreadAssignment(property)) value = 'unknown'
    // `[field]: value` may be the member; `['user']: value` is read as `user: value`.
    else if (computed && stringValue(ts, (property.name as TS.ComputedPropertyName).expression) === undefined)
      value = 'unknown'
    else if (computed && stringValue(ts, (property.name as TS.ComputedPropertyName).expression) !== key)
      continue
    else if (computed && ts.isPropertyAssignment(property)) value = property.initializer
    else if (!property.name || memberName(ts, property.name) !== key) continue
    else if (ts.isPropertyAssignment(property)) value = property.initializer
    else if (ts.isShorthandPropertyAssignment(property)) value = property.name
    else value = 'unknown'
  }
  return value
}
