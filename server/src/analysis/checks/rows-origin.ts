// Where model rows come from, when the function itself shows it: `await User.query()....`,
// `await User.all()`, `await User.findOrFail(id)`, `await user.related('posts').query()`, read
// through `const` variables and loops over them. Anything else (a parameter, another function's
// result, a `let`, a scope that may preload) is unknowable, and the N+1 checks say nothing about it.
import type * as TS from 'typescript'
import type { ModelInference } from '../infer'
import type { LucidModel } from '../lucid-model'
import { isStringLike, stringValue, type TsModule } from '../syntax'

export interface RowsOrigin {
  model: LucidModel
  /** An array (or paginator) of rows, not one row. */
  many: boolean
  /** The `query()` call the chain starts with: a `.preload()` can be added right after it. */
  queryCall?: TS.CallExpression
  /** The awaited expression that fetches the rows. */
  fetch: TS.Expression
  /**
   * Relations the query preloads, at its top level. Rows read from a relation property
   * (`post.comments`) may carry preloads nested in a callback elsewhere: then this is false.
   */
  preloadsKnown: boolean
  preloads: Set<string>
  /** Relations the query counts with `withCount` (without `.as()`, so `$extras.x_count`). */
  counts: Set<string>
  /** A `paginate()` result: an array of rows that also has the paginator's own properties. */
  paginated?: boolean
}

const STATIC_ONE = new Set(['find', 'findOrFail', 'findBy', 'findByOrFail', 'first', 'firstOrFail'])
const STATIC_MANY = new Set(['all', 'findMany', 'findManyBy'])
const TERMINAL_ONE = new Set(['first', 'firstOrFail'])
const TERMINAL_MANY = new Set(['exec', 'paginate'])
/** Builder methods that filter, sort or count but never load a relation or change what rows are. */
const NEUTRAL = new Set([
  'select',
  'orderBy',
  'limit',
  'offset',
  'forPage',
  'groupBy',
  'distinct',
  'join',
  'leftJoin',
  'innerJoin',
  'rightJoin',
  'useTransaction',
  'forUpdate',
  'forShare',
  'withAggregate',
  'withTrashed',
  'onlyTrashed',
])
const NEUTRAL_PREFIX = /^(where|orWhere|andWhere|having|orHaving|has|orHas|andHas|doesntHave|orDoesntHave)/

export interface OriginContext {
  ts: TsModule
  inference: ModelInference
  checker: TS.TypeChecker
}

/** The origin of the value `expr` evaluates to, when it is certain. */
export function rowsOrigin(ctx: OriginContext, expr: TS.Expression, depth = 0): RowsOrigin | undefined {
  const { ts } = ctx
  if (depth > 8) return undefined
  let node = expr
  while (ts.isParenthesizedExpression(node)) node = node.expression
  if (ts.isAwaitExpression(node)) return fetchOrigin(ctx, node.expression)
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) return relationRows(ctx, node)
  if (ts.isIdentifier(node)) {
    const decl = constDeclaration(ctx, node)
    return decl?.initializer ? rowsOrigin(ctx, decl.initializer, depth + 1) : undefined
  }
  return undefined
}

/** The `const x = ...` declaring `name`, if that is what it refers to. */
export function constDeclaration(
  ctx: OriginContext,
  name: TS.Identifier,
): TS.VariableDeclaration | undefined {
  const { ts } = ctx
  const decl = declarationOf(ctx, name)
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined
  const list = decl.parent
  return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? decl : undefined
}

export function declarationOf(ctx: OriginContext, name: TS.Identifier): TS.Declaration | undefined {
  try {
    return ctx.checker.getSymbolAtLocation(name)?.valueDeclaration
  } catch {
    return undefined
  }
}

/** `User.query().where(...).preload('x')`, `User.findOrFail(id)`, `user.related('posts').query()`. */
function fetchOrigin(ctx: OriginContext, fetch: TS.Expression): RowsOrigin | undefined {
  const { ts } = ctx
  const calls: TS.CallExpression[] = []
  let node: TS.Expression = fetch
  while (ts.isParenthesizedExpression(node)) node = node.expression
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    calls.unshift(node)
    if (node.expression.name.text === 'query') break
    node = node.expression.expression
  }
  const root = calls[0]
  if (!root || !ts.isPropertyAccessExpression(root.expression)) return undefined
  const method = root.expression.name.text
  const ref = ctx.inference.of(root.expression.expression)
  if (!ref || !ref.model.complete) return undefined
  const classLike = ref.kind === 'class' || ref.kind === 'relation'
  if (!classLike) return undefined
  const base = {
    model: ref.model,
    fetch,
    preloadsKnown: true,
    preloads: new Set<string>(),
    counts: new Set<string>(),
  }
  if (method !== 'query') {
    if (calls.length !== 1) return undefined
    if (STATIC_ONE.has(method)) return { ...base, many: false }
    return STATIC_MANY.has(method) && ref.kind === 'class' ? { ...base, many: true } : undefined
  }
  const origin: RowsOrigin = { ...base, many: true, queryCall: root }
  for (const [i, call] of calls.entries()) {
    if (i === 0) continue
    const name = (call.expression as TS.PropertyAccessExpression).name.text
    const last = i === calls.length - 1
    if (last && TERMINAL_ONE.has(name)) origin.many = false
    else if (last && TERMINAL_MANY.has(name)) origin.paginated = name === 'paginate'
    else if (name === 'preload' || name === 'preloadOnce' || name === 'withCount') {
      const relation = stringValue(ts, call.arguments[0])
      if (!isStringLike(ts, call.arguments[0]) || relation === undefined) return undefined
      if (name === 'withCount') {
        // `.withCount('x', (q) => q.as('n'))` stores the count elsewhere.
        if (call.arguments.length > 1) continue
        origin.counts.add(relation)
      } else origin.preloads.add(relation)
    } else if (!NEUTRAL.has(name) && !NEUTRAL_PREFIX.test(name)) return undefined
  }
  return origin
}

const MANY_KINDS = new Set(['hasMany', 'manyToMany', 'hasManyThrough'])

/** `bundle.items`: the rows of a to-many relation of a row whose model is known. */
function relationRows(ctx: OriginContext, access: TS.PropertyAccessExpression): RowsOrigin | undefined {
  const owner = ctx.inference.of(access.expression)
  if (owner?.kind !== 'instance') return undefined
  const relation = owner.model.relations.get(access.name.text)
  if (!relation || !MANY_KINDS.has(relation.fact.kind)) return undefined
  const related = ctx.inference.relatedRef(owner, access.name.text, 'instances')
  if (!related?.model.complete) return undefined
  return {
    model: related.model,
    many: true,
    fetch: access,
    preloadsKnown: false,
    preloads: new Set(),
    counts: new Set(),
  }
}
