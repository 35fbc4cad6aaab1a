// `await db.transaction(async (trx) => { ...; return order })`: Lucid's managed transaction gives
// what its callback returns, so the value stands for what every return statement of the callback
// names (read as the return statements of a method are).
import type * as TS from 'typescript'
import { isDatabaseService } from './database-service'
import type { ModelInference, ModelRef } from './infer'
import { agreedRef } from './infer-branches'
import { returnedExpressions, skipOuter } from './syntax'

export function transactionRef(
  inf: ModelInference,
  call: TS.CallExpression,
  depth: number,
): ModelRef | undefined {
  const callback = transactionCallback(inf, call)
  return callback && agreedRef(inf, returnedExpressions(inf.index.ts, callback), depth)
}

/** The callback of `db.transaction(async (trx) => ...)`, whose returns the call gives back. */
export function transactionCallback(
  inf: ModelInference,
  call: TS.CallExpression,
): TS.ArrowFunction | TS.FunctionExpression | undefined {
  const ts = inf.index.ts
  const access = call.expression
  if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'transaction') return undefined
  if (!isDatabaseService(ts, inf.index.checker, access.expression)) return undefined
  const callback = call.arguments[0] && skipOuter(ts, call.arguments[0])
  return callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))
    ? callback
    : undefined
}
