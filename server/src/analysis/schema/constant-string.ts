// The string a migration argument stands for, when it is a constant: a literal, `this.tableName`, a
// `const` of the file, or a template / `+` of those. Anything else is unknown: never guessed.
import type * as TS from 'typescript'
import { memberName, skipOuter, stringValue, type TsModule } from '../syntax'

export function constantString(ts: TsModule, node: TS.Expression | undefined): string | undefined {
  return node ? evaluate(ts, skipOuter(ts, node), 0) : undefined
}

/** Every string in `'a'` or `['a', 'b']`; undefined when any element is not a constant. */
export function constantStrings(ts: TsModule, node: TS.Expression | undefined): string[] | undefined {
  if (!node) return undefined
  const expr = skipOuter(ts, node)
  if (!ts.isArrayLiteralExpression(expr)) {
    const one = constantString(ts, expr)
    return one === undefined ? undefined : [one]
  }
  const out: string[] = []
  for (const element of expr.elements) {
    const value = constantString(ts, element)
    if (value === undefined) return undefined
    out.push(value)
  }
  return out
}

function evaluate(ts: TsModule, node: TS.Expression, depth: number): string | undefined {
  if (depth > 8) return undefined
  const literal = stringValue(ts, node)
  if (literal !== undefined) return literal
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text
    for (const span of node.templateSpans) {
      const part = evaluate(ts, skipOuter(ts, span.expression), depth + 1)
      if (part === undefined) return undefined
      text += part + span.literal.text
    }
    return text
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(ts, skipOuter(ts, node.left), depth + 1)
    const right = left === undefined ? undefined : evaluate(ts, skipOuter(ts, node.right), depth + 1)
    return left === undefined || right === undefined ? undefined : left + right
  }
  if (ts.isIdentifier(node)) {
    const init = constInitializer(ts, node)
    return init ? evaluate(ts, skipOuter(ts, init), depth + 1) : undefined
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const init = classPropertyInitializer(ts, node, node.name.text)
    return init ? evaluate(ts, skipOuter(ts, init), depth + 1) : undefined
  }
  return undefined
}

/** The initializer of the one `const NAME = ...` of the file that is visible here (no reassignment). */
function constInitializer(ts: TsModule, id: TS.Identifier): TS.Expression | undefined {
  const found: TS.VariableDeclaration[] = []
  const visit = (node: TS.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === id.text &&
      ts.isVariableDeclarationList(node.parent) &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0
    ) {
      found.push(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(id.getSourceFile())
  // Two consts of the same name in different scopes: we would have to pick one, so we don't.
  return found.length === 1 ? found[0]?.initializer : undefined
}

/** `protected tableName = 'users'` of the class that contains the `this.tableName` reference. */
function classPropertyInitializer(ts: TsModule, node: TS.Node, name: string): TS.Expression | undefined {
  let current: TS.Node | undefined = node.parent
  while (current && !ts.isClassLike(current)) current = current.parent
  if (!current) return undefined
  for (const member of current.members) {
    if (
      ts.isPropertyDeclaration(member) &&
      memberName(ts, member.name) === name &&
      !(ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    ) {
      return member.initializer
    }
  }
  return undefined
}
