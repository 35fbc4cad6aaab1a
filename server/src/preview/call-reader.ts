// Reads Lucid calls from TypeScript syntax as plan data, never evaluating anything: a chain of calls
// from a root identifier, literal arguments (strings, numbers, booleans, null, arrays, objects), and
// callbacks whose body is calls on their parameter. One reader for selected code
// (plan-from-code.ts) and for relation `onQuery` bodies (on-query-plan.ts), so both accept and
// reject exactly the same things with the same messages.
import type * as TS from 'typescript'
import type { Call, PlanArg, PlanValue, QueryPlan } from '../../../engine/src/plan'

export type TsModule = typeof TS

export class PlanSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset of the unsupported piece in the text the reader was given. */
    readonly offset: number,
  ) {
    super(message)
  }
}

/**
 * An identifier where a literal value is expected (`page` in `paginate(page, 20)`): not readable as
 * it is, but a preview can ask for its value and read the code again with it bound.
 */
export class FreeValueError extends PlanSyntaxError {
  constructor(
    message: string,
    offset: number,
    /** The identifier to bind (`page`). */
    readonly variable: string,
  ) {
    super(message, offset)
  }
}

/** Values of the free variables of an expression: `user` → the plan that produces that row. */
export type Variables = Record<string, QueryPlan>

/** Values bound to identifiers used as arguments: `page` → 2. */
export type Values = Record<string, PlanValue>

export class CallReader {
  constructor(
    private readonly ts: TsModule,
    /** Subtracted from node positions, for text parsed inside a wrapper. */
    private readonly shift = 0,
    private readonly variables: Variables = {},
    private readonly values: Values = {},
  ) {}

  /** `root.a(...).b(...)` as `{ model: root, calls: [a, b] }` (a bound variable's plan prepended). */
  chain(expression: TS.Expression): QueryPlan {
    const ts = this.ts
    const calls: Call[] = []
    let node = unwrap(ts, expression)
    while (ts.isCallExpression(node)) {
      const callee = node.expression
      if (!ts.isPropertyAccessExpression(callee))
        throw this.error(callee, 'a call on a model, a query or a relation')
      calls.unshift({ method: callee.name.text, args: node.arguments.map((arg) => this.arg(arg)) })
      node = unwrap(ts, callee.expression)
    }
    // `new User()` starts at an unpersisted instance (for dry runs: `new User().merge({...}).save()`).
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && !node.arguments?.length) {
      calls.unshift({ method: 'new', args: [] })
      node = node.expression
    }
    if (!ts.isIdentifier(node))
      throw this.error(node, 'a chain that starts at a model class, e.g. User.query()')
    // Own properties only: `constructor.query()` must not find Object.prototype's constructor.
    const bound = Object.hasOwn(this.variables, node.text) ? this.variables[node.text] : undefined
    if (bound) return { model: bound.model, calls: [...bound.calls, ...calls] }
    return { model: node.text, calls }
  }

  /** The calls a chain makes on `name`, or an error naming what else it starts at. */
  callsOn(name: string, expression: TS.Expression, at: TS.Node = expression): Call[] {
    if (rootName(this.ts, expression) !== name) throw this.error(at, `only calls on "${name}"`)
    const plan = this.without(name).chain(expression)
    if (plan.model !== name) throw this.error(at, `only calls on "${name}"`)
    return plan.calls
  }

  error(node: TS.Node, expected: string): PlanSyntaxError {
    const text = node.getText()
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text
    return new PlanSyntaxError(
      `\`${shown}\` is not supported in previews: expected ${expected}`,
      node.getStart() - this.shift,
    )
  }

  private arg(node: TS.Expression): PlanArg {
    const inner = unwrap(this.ts, node)
    if (this.ts.isArrowFunction(inner) || this.ts.isFunctionExpression(inner))
      return { kind: 'callback', calls: this.callback(inner) }
    return { kind: 'value', value: this.value(inner) }
  }

  private callback(fn: TS.ArrowFunction | TS.FunctionExpression): Call[] {
    const ts = this.ts
    const param = fn.parameters[0]
    if (!param) return []
    if (!ts.isIdentifier(param.name))
      throw this.error(param, 'a callback with a plain parameter, e.g. (query) => ...')
    const name = param.name.text
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
      if (!expression) throw this.error(statement, `only calls on "${name}" inside the callback`)
      if (rootName(ts, expression) !== name)
        throw this.error(statement, `only calls on "${name}" inside the callback`)
      calls.push(...this.callsOn(name, expression, statement))
    }
    return calls
  }

  /** A reader where `name` is a parameter: it shadows a bound variable of the same name. */
  private without(name: string): CallReader {
    if (!Object.hasOwn(this.variables, name)) return this
    const variables = Object.fromEntries(Object.entries(this.variables).filter(([k]) => k !== name))
    return new CallReader(this.ts, this.shift, variables, this.values)
  }

  private value(node: TS.Expression): PlanValue {
    const ts = this.ts
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
    if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => this.value(unwrap(ts, e)))
    if (ts.isObjectLiteralExpression(node)) return this.object(node)
    const expected = 'a literal value (string, number, boolean, null, array or object)'
    if (ts.isIdentifier(node)) {
      if (Object.hasOwn(this.values, node.text)) return this.values[node.text] ?? null
      const { message, offset } = this.error(node, expected)
      throw new FreeValueError(message, offset, node.text)
    }
    throw this.error(node, expected)
  }

  private object(node: TS.ObjectLiteralExpression): PlanValue {
    const ts = this.ts
    const out: Record<string, PlanValue> = {}
    for (const prop of node.properties) {
      if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
        throw this.error(prop, 'plain `key: value` properties')
      }
      // `__proto__: {...}` would replace the object's prototype rather than add a key.
      if (prop.name.text === '__proto__') throw this.error(prop, 'plain `key: value` properties')
      out[prop.name.text] = this.value(unwrap(ts, prop.initializer))
    }
    return out
  }
}

/** `q` for `q.where(...).orWhere(...)`: the identifier a chain of calls starts at. */
export function rootName(ts: TsModule, expression: TS.Expression): string | undefined {
  let node = unwrap(ts, expression)
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = unwrap(ts, node.expression)
  return ts.isIdentifier(node) ? node.text : undefined
}

/** Strips parentheses, `await`, `as` casts and `!`, which change nothing a plan records. */
export function unwrap(ts: TsModule, node: TS.Expression): TS.Expression {
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
