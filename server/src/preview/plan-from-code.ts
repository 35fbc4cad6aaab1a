// Lucid code to a query plan, with the TypeScript parser and never `eval`: a chain of calls that
// starts at a model class (`User.findOrFail(1).related('posts').query().where('isPublished', true)`)
// or at a variable the caller binds to one (`user` → `User.findOrFail(1)`). Arguments must be
// literals, arrays, objects of literals, or callbacks whose body is calls on their parameter.
import ts from 'typescript'
import type { Call, PlanArg, PlanValue, QueryPlan } from '../../../engine/src/plan'

export class PlanSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset of the unsupported piece in the expression text. */
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Values of the free variables of an expression: `user` → the plan that produces that row. */
export type Variables = Record<string, QueryPlan>

export function planFromCode(text: string, variables: Variables = {}): QueryPlan {
  // Parsed as the body of an async function so `await` and a trailing `;` are both accepted.
  const prefix = 'async () => ('
  const source = ts.createSourceFile(
    'preview.ts',
    `${prefix}${text.trim().replace(/;+$/, '')}\n)`,
    ts.ScriptTarget.Latest,
    true,
  )
  // parseDiagnostics is internal but has been stable for years; the public route needs a Program.
  const problem = (source as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics[0]
  if (problem)
    throw new PlanSyntaxError(
      `Not a valid expression: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`,
      Math.min(Math.max(0, problem.start - prefix.length), text.length),
    )
  const arrow = (source.statements[0] as ts.ExpressionStatement | undefined)?.expression
  if (!arrow || !ts.isArrowFunction(arrow) || !ts.isParenthesizedExpression(arrow.body)) {
    throw new PlanSyntaxError('Expected one Lucid expression', 0)
  }
  return new Reader(prefix.length, variables).chain(arrow.body.expression)
}

class Reader {
  constructor(
    private readonly shift: number,
    private readonly variables: Variables,
  ) {}

  chain(expression: ts.Expression): QueryPlan {
    const calls: Call[] = []
    let node = unwrap(expression)
    while (ts.isCallExpression(node)) {
      const callee = node.expression
      if (!ts.isPropertyAccessExpression(callee))
        throw this.error(callee, 'a call on a model, a query or a relation')
      calls.unshift({ method: callee.name.text, args: node.arguments.map((arg) => this.arg(arg)) })
      node = unwrap(callee.expression)
    }
    // `new User()` starts at an unpersisted instance (for dry runs: `new User().merge({...}).save()`).
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && !node.arguments?.length) {
      calls.unshift({ method: 'new', args: [] })
      node = node.expression
    }
    if (!ts.isIdentifier(node))
      throw this.error(node, 'a chain that starts at a model class, e.g. User.query()')
    const bound = this.variables[node.text]
    if (bound) return { model: bound.model, calls: [...bound.calls, ...calls] }
    return { model: node.text, calls }
  }

  private arg(node: ts.Expression): PlanArg {
    const inner = unwrap(node)
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner))
      return { kind: 'callback', calls: this.callback(inner) }
    return { kind: 'value', value: this.value(inner) }
  }

  private callback(fn: ts.ArrowFunction | ts.FunctionExpression): Call[] {
    const param = fn.parameters[0]
    if (!param) return []
    if (!ts.isIdentifier(param.name))
      throw this.error(param, 'a callback with a plain parameter, e.g. (query) => ...')
    const name = param.name.text
    // The parameter shadows a bound variable of the same name inside the callback.
    const inner = new Reader(
      this.shift,
      Object.fromEntries(Object.entries(this.variables).filter(([k]) => k !== name)),
    )
    const statements = ts.isBlock(fn.body)
      ? fn.body.statements
      : [ts.factory.createExpressionStatement(fn.body)]
    const calls: Call[] = []
    for (const statement of statements) {
      const expression = ts.isExpressionStatement(statement)
        ? statement.expression
        : ts.isReturnStatement(statement)
          ? statement.expression
          : undefined
      if (!expression || rootName(expression) !== name) {
        throw this.error(statement, `only calls on "${name}" inside the callback`)
      }
      const plan = inner.chain(expression)
      if (plan.model !== name) throw this.error(statement, `only calls on "${name}" inside the callback`)
      calls.push(...plan.calls)
    }
    return calls
  }

  private value(node: ts.Expression): PlanValue {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isNumericLiteral(node)) return Number(node.text)
    if (
      ts.isPrefixUnaryExpression(node) &&
      node.operator === ts.SyntaxKind.MinusToken &&
      ts.isNumericLiteral(node.operand)
    ) {
      return -Number(node.operand.text)
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false
    if (node.kind === ts.SyntaxKind.NullKeyword) return null
    if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => this.value(unwrap(e)))
    if (ts.isObjectLiteralExpression(node)) return this.object(node)
    throw this.error(node, 'a literal value (string, number, boolean, null, array or object)')
  }

  private object(node: ts.ObjectLiteralExpression): PlanValue {
    const out: Record<string, PlanValue> = {}
    for (const prop of node.properties) {
      if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
        throw this.error(prop, 'plain `key: value` properties')
      }
      out[prop.name.text] = this.value(unwrap(prop.initializer))
    }
    return out
  }

  private error(node: ts.Node, expected: string): PlanSyntaxError {
    const text = node.getText()
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text
    return new PlanSyntaxError(
      `\`${shown}\` is not supported in previews: expected ${expected}`,
      node.getStart() - this.shift,
    )
  }
}

/** `q` for `q.where(...).orWhere(...)`: the identifier a chain of calls starts at. */
function rootName(expression: ts.Expression): string | undefined {
  let node = unwrap(expression)
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = unwrap(node.expression)
  return ts.isIdentifier(node) ? node.text : undefined
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAwaitExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression
  }
  return current
}
