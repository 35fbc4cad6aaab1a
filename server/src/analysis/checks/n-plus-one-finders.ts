// LL501 written by hand: `await User.findOrFail(post.userId)` or
// `await Comment.query().where('post_id', post.id)` inside a loop over fetched rows, where a relation
// of the rows' model says exactly that (a belongsTo with that foreign key, a hasMany/hasOne with that
// foreign key and local key). The relation's preload runs the same lookup once for every row.
import type * as TS from 'typescript'
import { finding, type Finding } from '../finding'
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { resolveBelongsToKeys, resolveHasManyKeys } from '../relation-keys'
import { stringValue } from '../syntax'
import { loopLabel, onEveryIteration, rowName } from './loop-syntax'
import { rowLoopOf, runsPerRow } from './row-loops'
import type { OriginContext } from './rows-origin'

const FINDERS = new Set(['find', 'findOrFail', 'findBy', 'findByOrFail'])
const CANDIDATE_TEXT = /\.(find|findOrFail|findBy|findByOrFail|query)\s*\(/

export function checkFinderLoops(ctx: OriginContext, index: ModelIndex, file: TS.SourceFile): Finding[] {
  const { ts } = ctx
  if (!CANDIDATE_TEXT.test(file.text) || !/\b(for|while|forEach|map|flatMap)\b/.test(file.text)) return []
  const out: Finding[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isAwaitExpression(node)) {
      const found = checkAwait(ctx, index, node)
      if (found) out.push(found)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}

interface Lookup {
  /** The model class the lookup starts at (`User` in `User.findOrFail`). */
  target: TS.CallExpression
  related: LucidModel
  /** `post.userId` (or `posts[i].userId`): the row and the attribute it passes. */
  row: TS.Expression
  attribute: string
  /** The key the lookup matches on: the findBy/where column, or undefined for the primary key. */
  column?: string
}

function checkAwait(ctx: OriginContext, index: ModelIndex, node: TS.AwaitExpression): Finding | undefined {
  const { ts } = ctx
  const lookup = lookupOf(ctx, node.expression)
  if (!lookup) return undefined
  const loop = rowLoopOf(ctx, lookup.row)
  if (!loop || !runsPerRow(loop)) return undefined
  if (!onEveryIteration(ts, node, loop)) return undefined
  const relation = matchingRelation(index, loop.origin.model, lookup)
  if (!relation) return undefined
  const name = relation.fact.name
  const where = loop.origin.queryCall ?? loop.origin.fetch
  const line = ts.getLineAndCharacterOfPosition(where.getSourceFile(), where.getStart()).line + 1
  const instead = loop.origin.preloadsKnown
    ? `in the query at line ${line} instead`
    : `where ${loop.rows.getText()} is loaded instead (a nested preload)`
  const message =
    `${loopLabel(ts, loop)} runs 1 query per ${rowName(ts, loop.row)} (${lookup.related.name} looked up by ` +
    `${rowName(ts, lookup.row)}.${lookup.attribute} on every row): preload '${name}' ${instead}.`
  return { ...finding('nPlusOneInLoop', lookup.target.expression, message), end: node.getEnd() }
}

/** `R.find(row.a)`, `R.findBy('col', row.a)`, `R.query().where('col', row.a)` with nothing else. */
function lookupOf(ctx: OriginContext, expr: TS.Expression): Lookup | undefined {
  const { ts } = ctx
  if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression)) return undefined
  const method = expr.expression.name.text
  let target = expr
  let args = expr.arguments
  let column: string | undefined
  if (method === 'where' || method === 'first' || method === 'firstOrFail') {
    // `R.query().where('col', row.a)` awaited as is, or with first()/firstOrFail().
    const where = method === 'where' ? expr : expr.expression.expression
    if (!ts.isCallExpression(where) || !ts.isPropertyAccessExpression(where.expression)) return undefined
    if (where.expression.name.text !== 'where' || where.arguments.length !== 2) return undefined
    const query = where.expression.expression
    if (!ts.isCallExpression(query) || !ts.isPropertyAccessExpression(query.expression)) return undefined
    if (query.expression.name.text !== 'query' || query.arguments.length > 0) return undefined
    target = query
    args = where.arguments
    column = stringValue(ts, args[0])
    if (column === undefined) return undefined
    args = args.slice(1) as unknown as TS.NodeArray<TS.Expression>
  } else if (FINDERS.has(method)) {
    if (method.startsWith('findBy')) {
      if (args.length !== 2) return undefined
      column = stringValue(ts, args[0])
      if (column === undefined) return undefined
      args = args.slice(1) as unknown as TS.NodeArray<TS.Expression>
    } else if (args.length !== 1) return undefined
  } else return undefined
  const value = args[0]
  if (!value || !ts.isPropertyAccessExpression(value)) return undefined
  if (!ts.isIdentifier(value.expression) && !ts.isElementAccessExpression(value.expression)) return undefined
  const ref = ctx.inference.of((target.expression as TS.PropertyAccessExpression).expression)
  if (ref?.kind !== 'class' || !ref.model.complete) return undefined
  return {
    target,
    related: ref.model,
    row: value.expression,
    attribute: value.name.text,
    ...(column !== undefined ? { column } : {}),
  }
}

/** The one relation of `model` that is this lookup; undefined when none or several are. */
function matchingRelation(index: ModelIndex, model: LucidModel, lookup: Lookup): ModelRelation | undefined {
  const matches: ModelRelation[] = []
  for (const relation of model.relations.values()) {
    const related = index.relatedModel(relation.fact)
    if (related.kind !== 'model' || related.model !== lookup.related) continue
    const kind = relation.fact.kind
    if (kind === 'belongsTo') {
      const keys = resolveBelongsToKeys(model, relation, related.model)
      // find(row.fk) matches the primary key; findBy/where must name the local key.
      const local = keys?.localKey
      const onKey =
        lookup.column === undefined ? local?.name === related.model.primaryKey : names(local, lookup.column)
      if (keys && keys.foreignKey.name === lookup.attribute && onKey) matches.push(relation)
    } else if (kind === 'hasMany' || kind === 'hasOne') {
      const keys = resolveHasManyKeys(model, relation, related.model)
      if (!keys || lookup.column === undefined) continue
      if (keys.localKey.name === lookup.attribute && names(keys.foreignKey, lookup.column))
        matches.push(relation)
    }
  }
  // Several relations with the same keys (one plain, others filtered by onQuery): the plain one is the lookup.
  const plain = matches.length > 1 ? matches.filter((r) => !r.fact.onQuery) : matches
  return plain.length === 1 ? plain[0] : undefined
}

/** The key is named by its attribute or by its column name. */
function names(key: { name: string; column?: { columnName?: string } } | undefined, column: string): boolean {
  return !!key && (key.name === column || key.column?.columnName === column)
}
