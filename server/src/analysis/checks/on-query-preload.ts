// LL301: preload() inside a relation's onQuery also runs for has/whereHas/withCount subqueries,
// where Lucid cannot preload. Lucid's docs guard it with `if (!query.isRelatedSubQuery)`.
import type * as TS from 'typescript'
import { finding, type Finding } from '../finding'
import type { RelationFact } from '../class-facts'
import type { TsModule } from '../syntax'

const SAFE_WHEN_TRUE = new Set(['isRelatedQuery', 'isRelatedPreloadQuery'])

export function checkOnQueryPreload(ts: TsModule, relation: RelationFact): Finding[] {
  const fn = relation.onQuery
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn))) return []
  const out: Finding[] = []
  const visit = (node: TS.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'preload' &&
      !isGuarded(ts, node, fn)
    ) {
      out.push(
        finding(
          'unguardedPreloadInOnQuery',
          node.expression.name,
          `"${relation.name}" onQuery calls preload, but onQuery also runs for has/whereHas/withCount ` +
            `subqueries, where preloading is not possible. Wrap it in "if (!query.isRelatedSubQuery) { ... }".`,
        ),
      )
    }
    ts.forEachChild(node, visit)
  }
  if (fn.body) visit(fn.body)
  return out
}

/** True when the flag test on the path from `fn` to `node` excludes subqueries. */
function isGuarded(ts: TsModule, node: TS.Node, fn: TS.Node): boolean {
  for (
    let child = node, parent = node.parent;
    parent && child !== fn;
    child = parent, parent = parent.parent
  ) {
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) {
      const branch = ts.isIfStatement(parent) ? parent.thenStatement : parent.whenTrue
      const other = ts.isIfStatement(parent) ? parent.elseStatement : parent.whenFalse
      const condition = ts.isIfStatement(parent) ? parent.expression : parent.condition
      if (child === branch && excludesSubQuery(ts, condition, true)) return true
      if (child === other && excludesSubQuery(ts, condition, false)) return true
    }
    if (ts.isBinaryExpression(parent) && parent.right === child) {
      const op = parent.operatorToken.kind
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && excludesSubQuery(ts, parent.left, true)) return true
      if (op === ts.SyntaxKind.BarBarToken && excludesSubQuery(ts, parent.left, false)) return true
    }
    if (ts.isBlock(parent) && hasEarlyReturn(ts, parent, child)) return true
  }
  return false
}

/** Does `condition` being `when` imply the builder is not a subquery? */
function excludesSubQuery(ts: TsModule, condition: TS.Expression, when: boolean): boolean {
  let expr = condition
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    return excludesSubQuery(ts, expr.operand, !when)
  }
  if (
    ts.isBinaryExpression(expr) &&
    expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
    when
  ) {
    return excludesSubQuery(ts, expr.left, true) || excludesSubQuery(ts, expr.right, true)
  }
  if (!ts.isPropertyAccessExpression(expr)) return false
  const flag = expr.name.text
  return flag === 'isRelatedSubQuery' ? !when : SAFE_WHEN_TRUE.has(flag) && when
}

/** `if (query.isRelatedSubQuery) return` before `child` in the same block. */
function hasEarlyReturn(ts: TsModule, block: TS.Block, child: TS.Node): boolean {
  for (const statement of block.statements) {
    if (statement === child) return false
    if (!ts.isIfStatement(statement) || statement.elseStatement) continue
    const then = statement.thenStatement
    const exits =
      ts.isReturnStatement(then) || (ts.isBlock(then) && then.statements.some(ts.isReturnStatement))
    if (exits && excludesSubQuery(ts, statement.expression, false)) return true
  }
  return false
}
