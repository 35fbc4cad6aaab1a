// Whether a model query may join another table Lucid adds by itself: the query of a manyToMany
// (the pivot table) or hasManyThrough (the through table) relation, or one a relation's `onQuery`
// shapes. There unqualified names can be columns of that other table. Read from syntax: the
// `related('name')` in the chain, or the relation a callback parameter stands for. A query that
// comes from a caller (a function's parameter) is unsure too: its joins and aliases are elsewhere;
// so is one on another connection (`query({ connection: 'x' })`).
import type * as TS from 'typescript'
import { RELATION_NAME_METHODS } from '../file-facts'
import type { ModelInference } from '../infer'
import { memberName, skipOuter, stringValue, type TsModule } from '../syntax'

const PLAIN = new Set(['hasMany', 'hasOne', 'belongsTo'])
const MAX_DEPTH = 24
const memos = new WeakMap<ModelInference, Map<TS.Node, boolean>>()

/** True when the query is, or may be, a relation query over joined tables (then: unsure). */
export function mayJoinRelationTables(
  ts: TsModule,
  inference: ModelInference,
  checker: TS.TypeChecker,
  expr: TS.Expression,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH) return true
  const node = skipOuter(ts, expr)
  const next = (e: TS.Expression): boolean => mayJoinRelationTables(ts, inference, checker, e, depth + 1)
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    // Each prefix of a chain is asked again by the next call: answered once per inference.
    let memo = memos.get(inference)
    if (!memo) memos.set(inference, (memo = new Map()))
    const known = memo.get(node)
    if (known !== undefined) return known
    const method = node.expression.name.text
    const answer =
      method === 'related'
        ? !plainRelation(inference, node.expression.expression, stringValue(ts, node.arguments[0]))
        : (method === 'query' && !defaultConnection(ts, node.arguments[0])) ||
          next(node.expression.expression)
    memo.set(node, answer)
    return answer
  }
  if (!ts.isIdentifier(node)) return false
  let decl: TS.Declaration | undefined
  try {
    decl = checker.getSymbolAtLocation(node)?.valueDeclaration
  } catch {
    return true
  }
  if (!decl) return false
  if (ts.isVariableDeclaration(decl)) return decl.initializer ? next(decl.initializer) : true
  if (!ts.isParameter(decl)) return false
  const fn = decl.parent
  const holder = fn.parent
  if (ts.isPropertyAssignment(holder) && memberName(ts, holder.name) === 'onQuery') return true
  // A query handed in by a caller: built elsewhere, with joins or aliases not seen here.
  if (!ts.isCallExpression(holder) || !ts.isPropertyAccessExpression(holder.expression)) return true
  const method = holder.expression.name.text
  const name = stringValue(ts, holder.arguments[0])
  if (RELATION_NAME_METHODS.has(method) && name !== undefined)
    return !plainRelation(inference, holder.expression.expression, name)
  return next(holder.expression.expression)
}

/**
 * `query()` or `query({ client: trx })` reads the model's own connection; `{ connection: 'x' }` or
 * options we cannot read may point at another database with another schema.
 */
function defaultConnection(ts: TsModule, options: TS.Expression | undefined): boolean {
  if (!options) return true
  if (!ts.isObjectLiteralExpression(options)) return false
  return options.properties.every(
    (p) =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
      memberName(ts, p.name) === 'client',
  )
}

/** A hasMany, hasOne or belongsTo relation without onQuery, on the model the receiver stands for. */
function plainRelation(
  inference: ModelInference,
  receiver: TS.Expression,
  name: string | undefined,
): boolean {
  const relation = name === undefined ? undefined : inference.of(receiver)?.model.relations.get(name)
  return !!relation && PLAIN.has(relation.fact.kind) && !relation.fact.onQuery
}
