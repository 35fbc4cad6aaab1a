// The `columnName` of column options built by code (`@column(jsonColumn())`, `@column({ ...base })`),
// when the app's own code shows it: object literals, spreads, `const` objects and calls of the
// app's functions that return an object, with their arguments bound. Anything else (a package
// helper, a conditional, a parameter we cannot follow) leaves the name unknown.
import type * as TS from 'typescript'
import { isExternalFile, resolveName } from './resolve'
import { skipOuter, type TsModule } from './syntax'

/** `known` with no name: the options set no columnName, so the naming strategy decides. */
export type CodeColumnName = { known: true; name?: string } | { known: false }

const UNKNOWN: CodeColumnName = { known: false }
const NONE: CodeColumnName = { known: true }
const MAX_DEPTH = 8

interface Scope {
  /** Parameter name -> the argument expression and the scope it is read in. */
  params: Map<string, { expr?: TS.Expression; scope: Scope }>
  depth: number
}

const TOP: Scope = { params: new Map(), depth: 0 }

export function codeColumnName(
  ts: TsModule,
  checker: TS.TypeChecker,
  options: TS.Expression,
): CodeColumnName {
  return new Reader(ts, checker).options(options, TOP)
}

class Reader {
  constructor(
    private readonly ts: TsModule,
    private readonly checker: TS.TypeChecker,
  ) {}

  /** What an options value says about columnName. */
  options(node: TS.Expression | undefined, scope: Scope): CodeColumnName {
    const { ts } = this
    if (!node) return NONE
    if (scope.depth > MAX_DEPTH) return UNKNOWN
    const expr = skipOuter(ts, node)
    if (ts.isObjectLiteralExpression(expr)) return this.object(expr, scope)
    if (ts.isIdentifier(expr)) {
      if (expr.text === 'undefined') return NONE
      const bound = this.bound(expr, scope)
      return bound ? this.options(bound.expr, bound.scope) : UNKNOWN
    }
    if (ts.isCallExpression(expr)) {
      const call = this.returned(expr, scope)
      return call ? this.options(call.expr, call.scope) : UNKNOWN
    }
    return UNKNOWN
  }

  private object(expr: TS.ObjectLiteralExpression, scope: Scope): CodeColumnName {
    const { ts } = this
    let result: CodeColumnName = NONE
    for (const prop of expr.properties) {
      if (ts.isSpreadAssignment(prop)) {
        const spread = this.options(prop.expression, scope)
        if (!spread.known) result = UNKNOWN
        else if (spread.name !== undefined) result = spread
        continue
      }
      if (prop.name && ts.isComputedPropertyName(prop.name)) return UNKNOWN
      const name =
        prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))
          ? prop.name.text
          : undefined
      if (name !== 'columnName') continue
      const value = ts.isPropertyAssignment(prop)
        ? this.text(prop.initializer, scope)
        : ts.isShorthandPropertyAssignment(prop)
          ? this.text(prop.name, scope)
          : undefined
      result = value === undefined ? UNKNOWN : { known: true, name: value }
    }
    return result
  }

  /** A string the expression certainly evaluates to. */
  private text(node: TS.Expression, scope: Scope): string | undefined {
    const { ts } = this
    if (scope.depth > MAX_DEPTH) return undefined
    const expr = skipOuter(ts, node)
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text
    if (!ts.isIdentifier(expr)) return undefined
    const bound = this.bound(expr, scope)
    return bound?.expr ? this.text(bound.expr, bound.scope) : undefined
  }

  /** A parameter's argument, or the initializer of an app `const`. */
  private bound(id: TS.Identifier, scope: Scope): { expr?: TS.Expression; scope: Scope } | undefined {
    const { ts } = this
    const param = scope.params.get(id.text)
    if (param) return param
    const resolution = resolveName(ts, this.checker, id)
    if (resolution.kind !== 'declaration') return undefined
    const decl = resolution.declaration
    if (isExternalFile(decl.getSourceFile()) || !ts.isVariableDeclaration(decl) || !decl.initializer)
      return undefined
    const list = decl.parent
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined
    return { expr: decl.initializer, scope: { params: new Map(), depth: scope.depth + 1 } }
  }

  /** The expression an app function returns for this call, with its parameters bound. */
  private returned(call: TS.CallExpression, scope: Scope): { expr: TS.Expression; scope: Scope } | undefined {
    const { ts } = this
    const fn = this.functionOf(call.expression)
    if (!fn) return undefined
    const params = new Map<string, { expr?: TS.Expression; scope: Scope }>()
    for (const [i, param] of fn.parameters.entries()) {
      if (!ts.isIdentifier(param.name) || param.dotDotDotToken) return undefined
      const arg = call.arguments[i]
      params.set(param.name.text, arg ? { expr: arg, scope } : { expr: param.initializer, scope: TOP })
    }
    const inner: Scope = { params, depth: scope.depth + 1 }
    const body = fn.body
    if (!body) return undefined
    if (!ts.isBlock(body)) return { expr: body, scope: inner }
    const returns: TS.ReturnStatement[] = []
    let mutates = false
    const visit = (node: TS.Node): void => {
      if (ts.isFunctionLike(node)) return
      if (ts.isReturnStatement(node)) returns.push(node)
      // `options.columnName = ...` or Object.assign(...) may change what is returned.
      if (isAssignment(ts, node) && !ts.isIdentifier(skipOuter(ts, node.left))) mutates = true
      if (ts.isCallExpression(node) && node.expression.getText().endsWith('assign')) mutates = true
      ts.forEachChild(node, visit)
    }
    body.statements.forEach(visit)
    const only = returns.length === 1 && !mutates ? returns[0]?.expression : undefined
    return only ? { expr: only, scope: inner } : undefined
  }

  private functionOf(
    callee: TS.Expression,
  ): TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression | undefined {
    const { ts } = this
    const resolution = resolveName(ts, this.checker, skipOuter(ts, callee))
    if (resolution.kind !== 'declaration' || isExternalFile(resolution.declaration.getSourceFile()))
      return undefined
    const decl = resolution.declaration
    if (ts.isFunctionDeclaration(decl)) return decl
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = skipOuter(ts, decl.initializer)
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init
    }
    return undefined
  }
}

function isAssignment(ts: TsModule, node: TS.Node): node is TS.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  )
}
