// Small syntactic helpers over the TypeScript AST. `ts` is always passed in by the caller.
import type * as TS from 'typescript'

export type TsModule = typeof TS

/** The text of a string literal or a template without substitutions, else undefined. */
export function stringValue(ts: TsModule, node: TS.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text
  return undefined
}

export function isStringLike(ts: TsModule, node: TS.Node | undefined): node is TS.StringLiteralLike {
  return !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
}

/** `foo`, `column.date` or `hasMany` for `@foo`, `@column.date(...)`, `@hasMany(...)`. */
export function decoratorName(ts: TsModule, decorator: TS.Decorator): string | undefined {
  const callee = ts.isCallExpression(decorator.expression)
    ? decorator.expression.expression
    : decorator.expression
  return entityText(ts, callee)
}

/** The callee identifier of a decorator (`hasMany` in `@hasMany(...)`), used as a finding range. */
export function decoratorNameNode(ts: TsModule, decorator: TS.Decorator): TS.Node {
  const callee = ts.isCallExpression(decorator.expression)
    ? decorator.expression.expression
    : decorator.expression
  return ts.isPropertyAccessExpression(callee) ? callee.name : callee
}

export function decoratorArgs(ts: TsModule, decorator: TS.Decorator): readonly TS.Expression[] {
  return ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : []
}

function entityText(ts: TsModule, node: TS.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text
  if (ts.isPropertyAccessExpression(node)) {
    const left = entityText(ts, node.expression)
    return left === undefined ? undefined : `${left}.${node.name.text}`
  }
  return undefined
}

export function memberName(ts: TsModule, name: TS.PropertyName | undefined): string | undefined {
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text
  return stringValue(ts, name)
}

/** Read off `modifiers` as written (decorators among them never have a modifier's kind): no copy made. */
export function hasModifier(ts: TsModule, node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === kind) ?? false)
}

/** Reads `{ a: 'x', b: true }` into a map of property name to initializer. */
const NO_PROPERTIES: ReadonlyMap<string, TS.Expression> = new Map()

export function objectProperties(
  ts: TsModule,
  node: TS.Node | undefined,
): ReadonlyMap<string, TS.Expression> {
  // Most decorators have no options object (`@column()`): one shared empty map for all of them.
  if (!node || !ts.isObjectLiteralExpression(node)) return NO_PROPERTIES
  const out = new Map<string, TS.Expression>()
  for (const prop of node.properties) {
    if (ts.isPropertyAssignment(prop)) {
      const name = memberName(ts, prop.name)
      if (name !== undefined) out.set(name, prop.initializer)
    } else if (ts.isMethodDeclaration(prop)) {
      const name = memberName(ts, prop.name)
      if (name !== undefined) out.set(name, prop as unknown as TS.Expression)
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      out.set(prop.name.text, prop.name)
    }
  }
  return out
}

/** Strips parentheses, `await`, `!` and `as`/`satisfies` casts. */
export function skipOuter(ts: TsModule, node: TS.Expression): TS.Expression {
  let current = node
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression
    else if (ts.isAwaitExpression(current)) current = current.expression
    else if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression
    else return current
  }
}

/** The expression an arrow function or function returns, when it is a single return. */
export function returnedExpression(ts: TsModule, fn: TS.Node): TS.Expression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined
  if (!ts.isBlock(fn.body)) return fn.body
  const returns = fn.body.statements.filter(ts.isReturnStatement)
  return returns.length === 1 ? returns[0]?.expression : undefined
}

/**
 * The expressions a function returns (not those of functions nested in it). A bare `return` gives
 * `undefined`, which names no model, so it adds nothing (as `return null` adds nothing).
 */
export function returnedExpressions(ts: TsModule, fn: TS.SignatureDeclaration): TS.Expression[] {
  const body = (fn as TS.FunctionLikeDeclaration).body
  if (!body) return []
  if (!ts.isBlock(body)) return [body]
  const out: TS.Expression[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return
    if (ts.isReturnStatement(node)) {
      if (node.expression) out.push(node.expression)
      return
    }
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(body, visit)
  return out
}

export function isFunctionLike(
  ts: TsModule,
  node: TS.Node,
): node is TS.ArrowFunction | TS.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node)
}

/** Whether an identifier named `name` appears in `node` (the node itself included). */
export function mentions(ts: TsModule, node: TS.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name
  return ts.forEachChild(node, (child) => (mentions(ts, child, name) ? true : undefined)) === true
}
