// Reads Lucid calls from TypeScript syntax as plan data, never evaluating anything: a chain of calls
// from a root identifier, literal arguments (strings, numbers, booleans, null, arrays, objects), and
// callbacks whose body is calls on their parameter. One reader for selected code
// (preview/plan-from-code.ts) and for relation `onQuery` bodies (on-query-plan.ts), so both accept and
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
  private callsOn(name: string, expression: TS.Expression): Call[] {
    const plan = this.without(name).chain(expression)
    if (plan.model !== name) throw this.expressionError(expression, name, `only calls on "${name}"`)
    return plan.calls
  }

  /**
   * "`x` is not supported in previews: <why>; expected <what>". Never reads a synthesized node's
   * text (it has none), so the reader itself cannot fail while explaining.
   */
  error(node: TS.Node, expected: string, why?: string): PlanSyntaxError {
    const real = node.pos >= 0 && node.end >= node.pos
    const text = real ? node.getText() : ''
    const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text
    const reason = why ? `${why}; expected ${expected}` : `expected ${expected}`
    return new PlanSyntaxError(
      `\`${shown || 'this code'}\` is not supported in previews: ${reason}`,
      real ? Math.max(0, node.getStart() - this.shift) : 0,
    )
  }

  /**
   * The name of a callback's query parameter, or undefined when it takes none and does nothing.
   * One check for preload/whereHas callbacks and onQuery hooks, so both refuse the same shapes.
   */
  parameterOf(fn: TS.SignatureDeclaration & { body?: TS.ConciseBody }): string | undefined {
    const ts = this.ts
    const plain = 'a callback with a plain parameter, e.g. (query) => query.where(...)'
    if (ts.isFunctionLike(fn) && 'asteriskToken' in fn && fn.asteriskToken)
      throw this.error(fn, plain, 'a generator function runs only when its caller iterates it')
    const param = fn.parameters[0]
    if (!param) {
      const empty = !fn.body || (ts.isBlock(fn.body) && fn.body.statements.every(ts.isEmptyStatement))
      if (empty) return undefined
      throw this.error(fn, plain, 'it takes no query parameter, so what it does to the query cannot be read')
    }
    if (param.dotDotDotToken)
      throw this.error(param, plain, 'a rest parameter collects the arguments in an array')
    if (!ts.isIdentifier(param.name)) throw this.error(param, plain, 'it destructures the query builder')
    return param.name.text
  }

  /** Why a statement of a callback body is not a call on its parameter `name`. */
  statementError(statement: TS.Statement, name: string, expected: string): PlanSyntaxError {
    const ts = this.ts
    if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
      if (statement.expression) return this.expressionError(statement.expression, name, expected)
    }
    return this.error(statement, expected, statementWhy(ts, statement))
  }

  /** Why an expression is not a chain of calls on `name`: a helper it is passed to, or no call at all. */
  expressionError(expression: TS.Expression, name: string, expected: string): PlanSyntaxError {
    const ts = this.ts
    const node = unwrap(ts, expression)
    if (ts.isCallExpression(node)) {
      const callee = unwrap(ts, node.expression)
      const passes = node.arguments.some((arg) => rootName(ts, arg) === name)
      const helper =
        ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee) ? callee.getText() : 'a function'
      if (passes)
        return this.error(
          node,
          expected,
          `it passes "${name}" to \`${helper}\`, whose body previews do not read`,
        )
      return this.error(node, expected, `it calls \`${helper}\`, not a method of "${name}"`)
    }
    if (ts.isIdentifier(node) && node.text !== name)
      return this.error(node, expected, `"${node.text}" is not the callback's parameter`)
    return this.error(node, expected, `it is not a call on "${name}"`)
  }

  private arg(node: TS.Expression): PlanArg {
    const inner = unwrap(this.ts, node)
    if (this.ts.isArrowFunction(inner) || this.ts.isFunctionExpression(inner))
      return { kind: 'callback', calls: this.callback(inner) }
    return { kind: 'value', value: this.value(inner) }
  }

  private callback(fn: TS.ArrowFunction | TS.FunctionExpression): Call[] {
    const ts = this.ts
    const name = this.parameterOf(fn)
    if (name === undefined) return []
    const expected = `only calls on "${name}" inside the callback`
    if (!ts.isBlock(fn.body)) return this.callsIn(name, fn.body, expected)
    const calls: Call[] = []
    for (const statement of fn.body.statements) {
      if (ts.isEmptyStatement(statement)) continue
      const expression = ts.isExpressionStatement(statement)
        ? statement.expression
        : ts.isReturnStatement(statement)
          ? statement.expression
          : undefined
      if (!expression && !ts.isReturnStatement(statement))
        throw this.statementError(statement, name, expected)
      if (expression) calls.push(...this.callsIn(name, expression, expected))
      // Nothing after a return runs.
      if (ts.isReturnStatement(statement)) break
    }
    return calls
  }

  /** The calls of a chain on the parameter `name`, or an error saying why the expression is not one. */
  callsIn(name: string, expression: TS.Expression, expected: string): Call[] {
    if (rootName(this.ts, expression) !== name) throw this.expressionError(expression, name, expected)
    return this.callsOn(name, expression)
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

/** How a statement that is not a call is described in a refusal. */
function statementWhy(ts: TsModule, statement: TS.Statement): string {
  if (ts.isVariableStatement(statement)) return 'previews do not keep variables'
  if (ts.isIfStatement(statement) || ts.isSwitchStatement(statement))
    return 'previews do not evaluate conditions'
  if (ts.isIterationStatement(statement, false)) return 'previews do not run loops'
  if (ts.isTryStatement(statement) || ts.isThrowStatement(statement))
    return 'previews do not run error handling'
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))
    return 'previews do not read declarations'
  return 'previews read only calls'
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
