// The string a migration argument stands for, when it is a constant: a literal, `this.tableName`, a
// `const` of the file, a name imported from another file of the app whose type is one string literal
// (`Tables.USERS`, read with the checker beforehand), or a template / `+` of those. Anything else is
// unknown: never guessed.
import type * as TS from 'typescript'
import { constantValue } from '../constant-value'
import { memberName, skipOuter, stringValue, type TsModule } from '../syntax'

/** The values of imported names, by node: set by readImportedConstants for the file being read. */
const importedValues = new WeakMap<TS.Node, string>()

/**
 * Reads, with the checker, the value of every use of a name the file imports from the app (`Tables`
 * in `Tables.USERS`, `USERS`). False when the file imports no such name: its constants are its own.
 */
export function readImportedConstants(ts: TsModule, checker: TS.TypeChecker, file: TS.SourceFile): boolean {
  const names = new Set<string>()
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    if (statement.importClause?.isTypeOnly || isPackage(statement.moduleSpecifier.text)) continue
    const clause = statement.importClause
    if (clause?.name) names.add(clause.name.text)
    const bindings = clause?.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text)
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text)
  }
  if (names.size === 0) return false
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) return
    const root =
      ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? rootName(ts, node) : node
    if ((ts.isIdentifier(node) || root !== node) && root && ts.isIdentifier(root) && names.has(root.text)) {
      const value = constantValue(ts, checker, node as TS.Expression)
      if (value !== undefined) importedValues.set(node, value)
      else importedValues.delete(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return true
}

/** `#enums/tables`, `./names`, `../shared/x`: a file of the app; `@adonisjs/lucid/schema`: a package. */
function isPackage(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('#') && !specifier.startsWith('/')
}

function rootName(ts: TsModule, node: TS.Expression): TS.Expression {
  let current = node
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
    current = current.expression
  return current
}

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
    return init ? evaluate(ts, skipOuter(ts, init), depth + 1) : importedValues.get(node)
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const init = classPropertyInitializer(ts, node, node.name.text)
    return init ? evaluate(ts, skipOuter(ts, init), depth + 1) : undefined
  }
  return importedValues.get(node)
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
