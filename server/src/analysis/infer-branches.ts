// Values that are one of several expressions: `cond ? user : null`, `found ?? new User()`, the
// return statements of a function, the assignments of a `let`. The value stands for a model only
// when every expression that can give it names the same model and kind; `null` and `undefined`
// give no row at all, so they name nothing and are passed over.
import type * as TS from 'typescript'
import type { ModelInference, ModelRef } from './infer'
import type { TsModule } from './syntax'

/** The one ref every expression gives (nullish ones passed over); none if one is unknown or differs. */
export function agreedRef(
  inf: ModelInference,
  exprs: readonly TS.Expression[],
  depth: number,
): ModelRef | undefined {
  let result: ModelRef | undefined
  for (const expr of exprs) {
    if (isNullish(inf.index.ts, expr)) continue
    const ref = inf.of(expr, depth + 1)
    if (!ref || (result && (ref.model !== result.model || ref.kind !== result.kind))) return undefined
    result = ref
  }
  return result
}

/** `cond ? a : b`, `a ?? b`, `a || b`: either side may be the value. */
export function branchesRef(
  inf: ModelInference,
  node: TS.ConditionalExpression | TS.BinaryExpression,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  if (ts.isConditionalExpression(node)) return agreedRef(inf, [node.whenTrue, node.whenFalse], depth)
  const op = node.operatorToken.kind
  if (op !== ts.SyntaxKind.QuestionQuestionToken && op !== ts.SyntaxKind.BarBarToken) return undefined
  return agreedRef(inf, [node.left, node.right], depth)
}

/** `null`, `undefined`, `void 0`. */
export function isNullish(ts: TsModule, expr: TS.Expression): boolean {
  let node = expr
  while (ts.isParenthesizedExpression(node)) node = node.expression
  return (
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    ts.isVoidExpression(node)
  )
}
