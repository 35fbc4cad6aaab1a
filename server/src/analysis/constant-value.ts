// The string a name stands for when it is a constant of the app: `Tables.USERS` (an enum member),
// `KEYS.owner` (a member of an `as const` object), `FK` (a const, imported or not). The checker gives
// such a name one string literal type, which is its value; anything wider (a `string`, a union, a
// parameter) is unknown.
import type * as TS from 'typescript'
import { skipOuter, type TsModule } from './syntax'

export function constantValue(
  ts: TsModule,
  checker: TS.TypeChecker,
  node: TS.Expression,
): string | undefined {
  // A cast is looked through: the value is the expression's own, not the one it is cast to.
  const expr = skipOuter(ts, node)
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr) && !ts.isElementAccessExpression(expr))
    return undefined
  const type = checker.getTypeAtLocation(expr)
  return type.isStringLiteral() ? type.value : undefined
}
