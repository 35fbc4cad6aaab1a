// A relation's `onQuery` option as plan data for the engine (`OnQueryPlan`). Statements become
// chains of calls on the query parameter, and `if` statements on one builder flag become branches:
// the idiom Lucid documents, `if (!query.isRelatedSubQuery) { ... }`, and its early-return form
// `if (query.isRelatedSubQuery) return`, whose following statements become the `else`. Anything
// else is reported with its source text, and the engine then previews without the hook.
import type * as TS from 'typescript'
import type { OnQueryFlag, OnQueryPlan, OnQueryStep } from '../../../engine/src/model-graph'
import { CallReader, PlanSyntaxError, unwrap, type TsModule } from './call-reader'

const FLAGS: readonly OnQueryFlag[] = ['isRelatedQuery', 'isRelatedSubQuery', 'isRelatedPreloadQuery']

/**
 * `onQuery`'s value as the decorator options hold it (a function, or a method of the object). Never
 * throws: whatever the hook's shape, the relation previews without it and the reason says why, so
 * one model's hook cannot break the model graph (every other preview, the relationship graph).
 */
export function onQueryPlan(ts: TsModule, option: TS.Node): OnQueryPlan {
  try {
    return { steps: new BodyReader(ts).read(option) }
  } catch (error) {
    if (error instanceof PlanSyntaxError) return { unsupported: error.message }
    // A stack overflow on deeply nested code, or a compiler node the reader did not expect.
    const detail = error instanceof Error ? error.message : String(error)
    return { unsupported: `the hook could not be read (${detail})` }
  }
}

interface Block {
  steps: OnQueryStep[]
  /** Every path through the block ends in `return`. */
  exits: boolean
}

class BodyReader {
  private readonly calls: CallReader
  private param = ''

  constructor(private readonly ts: TsModule) {
    this.calls = new CallReader(ts)
  }

  read(option: TS.Node): OnQueryStep[] {
    const ts = this.ts
    const fn = ts.isMethodDeclaration(option) ? option : unwrap(ts, option as TS.Expression)
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn))) {
      throw this.calls.error(fn, 'an inline function, e.g. (query) => { ... }')
    }
    const param = this.calls.parameterOf(fn)
    if (param === undefined || !fn.body) return []
    this.param = param
    if (!ts.isBlock(fn.body)) return this.chain(fn.body)
    return this.block(fn.body.statements).steps
  }

  private block(statements: readonly TS.Statement[]): Block {
    const ts = this.ts
    const steps: OnQueryStep[] = []
    for (const [index, statement] of statements.entries()) {
      if (ts.isEmptyStatement(statement)) continue
      if (ts.isExpressionStatement(statement)) {
        steps.push(...this.chain(statement.expression))
      } else if (ts.isReturnStatement(statement)) {
        if (statement.expression) steps.push(...this.chain(statement.expression))
        return { steps, exits: true }
      } else if (ts.isBlock(statement)) {
        const inner = this.block(statement.statements)
        steps.push(...inner.steps)
        if (inner.exits) return { steps, exits: true }
      } else if (ts.isIfStatement(statement)) {
        const test = this.flagTest(statement.expression)
        const then = this.branch(statement.thenStatement)
        const otherwise = statement.elseStatement
          ? this.branch(statement.elseStatement)
          : { steps: [], exits: false }
        if (!then.exits && !otherwise.exits) {
          steps.push(branchStep(test, then.steps, otherwise.steps))
          continue
        }
        // A branch that returns skips the rest; the other branch runs it.
        const rest = this.block(statements.slice(index + 1))
        const thenSteps = then.exits ? then.steps : [...then.steps, ...rest.steps]
        const elseSteps = otherwise.exits ? otherwise.steps : [...otherwise.steps, ...rest.steps]
        steps.push(branchStep(test, thenSteps, elseSteps))
        return { steps, exits: (then.exits && otherwise.exits) || rest.exits }
      } else {
        const expected = `calls on "${this.param}" or an if on one of its flags`
        throw this.calls.statementError(statement, this.param, expected)
      }
    }
    return { steps, exits: false }
  }

  private branch(statement: TS.Statement): Block {
    return this.block(this.ts.isBlock(statement) ? statement.statements : [statement])
  }

  private chain(expression: TS.Expression): OnQueryStep[] {
    const calls = this.calls.callsIn(this.param, expression, `only calls on "${this.param}"`)
    return calls.length ? [{ calls }] : []
  }

  /** `query.isRelatedSubQuery`, `!query.isRelatedSubQuery` (any parentheses, any `!` count). */
  private flagTest(condition: TS.Expression): { flag: OnQueryFlag; negated: boolean } {
    const ts = this.ts
    let node = unwrap(ts, condition)
    let negated = false
    while (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      negated = !negated
      node = unwrap(ts, node.operand)
    }
    const access = ts.isPropertyAccessExpression(node) ? node : undefined
    const flag = FLAGS.find((name) => name === access?.name.text)
    if (!access || !flag || !ts.isIdentifier(access.expression) || access.expression.text !== this.param) {
      throw this.calls.error(condition, `a test of one flag, e.g. !${this.param}.isRelatedSubQuery`)
    }
    return { flag, negated }
  }
}

function branchStep(
  test: { flag: OnQueryFlag; negated: boolean },
  then: OnQueryStep[],
  otherwise: OnQueryStep[],
): OnQueryStep {
  return otherwise.length ? { if: test, then, else: otherwise } : { if: test, then }
}
