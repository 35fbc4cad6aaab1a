// The model query a column call applies to. A chain `User.query().where(...).where(...)...` asks the
// same question of every prefix; the answers are kept per inference (one program, one file's
// analysis), so a chain of n calls costs n lookups, not n².
import type * as TS from 'typescript'
import { COLUMN_METHODS } from '../file-facts'
import type { ModelInference, ModelRef } from '../infer'
import type { TsModule } from '../syntax'

const memos = new WeakMap<ModelInference, Map<TS.Node, ModelRef | undefined>>()

export function queryRef(ts: TsModule, inference: ModelInference, expr: TS.Expression): ModelRef | undefined {
  let memo = memos.get(inference)
  if (!memo) memos.set(inference, (memo = new Map()))
  return refOf(ts, inference, memo, expr)
}

function refOf(
  ts: TsModule,
  inference: ModelInference,
  memo: Map<TS.Node, ModelRef | undefined>,
  expr: TS.Expression,
): ModelRef | undefined {
  if (memo.has(expr)) return memo.get(expr)
  let ref: ModelRef | undefined
  // A column method on a query gives the same query (infer.ts: every method but the executing ones).
  if (
    ts.isCallExpression(expr) &&
    ts.isPropertyAccessExpression(expr.expression) &&
    COLUMN_METHODS.has(expr.expression.name.text)
  ) {
    const inner = refOf(ts, inference, memo, expr.expression.expression)
    ref = inner?.kind === 'query' ? inner : inference.of(expr)
  } else {
    ref = inference.of(expr)
  }
  memo.set(expr, ref)
  return ref
}
