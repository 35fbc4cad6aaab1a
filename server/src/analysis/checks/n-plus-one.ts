// LL501: a query per row inside a loop over rows fetched in the same function: `await user.load('x')`,
// `loadCount`, `await user.related('x').query()`. Lucid never lazy-loads, so this is the N+1 that a
// `preload` (or `withCount`) on the rows' query replaces with one statement.
import type * as TS from 'typescript'
import { finding, type Finding, type FindingFix } from '../finding'
import type { CallFact } from '../file-facts'
import { isStringLike } from '../syntax'
import { isWithin, loopLabel, onEveryIteration, removalOf, rowName } from './loop-syntax'
import { rowLoopOf, runsPerRow, type RowLoop } from './row-loops'
import type { OriginContext } from './rows-origin'

const LOADS: Record<string, string> = { load: 'preload', loadOnce: 'preload', loadCount: 'withCount' }
const WRITES = new Set(['update', 'delete', 'del', 'increment', 'decrement', 'create', 'createMany', 'save'])

export function checkNPlusOne(ctx: OriginContext, call: CallFact): Finding[] {
  const { ts } = ctx
  const isRelated = call.method === 'related'
  if (!isRelated && !(call.method in LOADS)) return []
  const nameNode = call.node.arguments[0]
  if (!isStringLike(ts, nameNode)) return []
  const loop = rowLoopOf(ctx, call.receiver)
  if (!loop || !runsPerRow(loop)) return []
  const relation = nameNode.text
  if (!loop.origin.model.relations.has(relation)) return []
  const top = isRelated ? relatedQueryTop(ctx, call.node) : call.node
  if (!top || !isAwaited(ctx, top, loop) || !onEveryIteration(ts, top, loop)) return []
  const counting = call.method === 'loadCount'
  if (counting ? loop.origin.counts.has(relation) : loop.origin.preloads.has(relation)) return []
  // loadOnce skips rows that have the relation: with nested preloads unknown, it may run nothing.
  if (call.method === 'loadOnce' && !loop.origin.preloadsKnown) return []
  const replacement = counting ? 'withCount' : 'preload'
  const row = rowName(ts, loop.row)
  const where = loop.origin.queryCall ?? loop.origin.fetch
  const line = ts.getLineAndCharacterOfPosition(where.getSourceFile(), where.getStart()).line + 1
  const instead = loop.origin.preloadsKnown
    ? `in the query at line ${line} instead.`
    : `where ${loop.rows.getText()} is loaded instead (a nested preload).`
  const message =
    `${loopLabel(ts, loop)} runs 1 query per ${row} (${call.method}('${relation}') on every row): ` +
    `${replacement} '${relation}' ${instead}`
  const fix = isRelated ? undefined : preloadFix(ctx, call, loop, top, replacement)
  const start = call.methodNode
  return [
    {
      ...finding('nPlusOneInLoop', start, message),
      end: top.getEnd(),
      ...(fix ? { fix } : {}),
    },
  ]
}

/** `row.related('x').query()....`: the outermost call of a read chain, undefined for writes. */
function relatedQueryTop(ctx: OriginContext, related: TS.CallExpression): TS.Expression | undefined {
  const { ts } = ctx
  let node: TS.Expression = related
  let sawQuery = false
  for (;;) {
    const access = node.parent
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node) break
    const call = access.parent
    if (!call || !ts.isCallExpression(call) || call.expression !== access) return undefined
    const method = access.name.text
    if (WRITES.has(method)) return undefined
    if (node === related) {
      if (method !== 'query') return undefined
      sawQuery = true
    }
    node = call
  }
  return sawQuery ? node : undefined
}

/** The per-row statement runs before the next row: awaited, or returned to `Promise.all`. */
function isAwaited(ctx: OriginContext, top: TS.Expression, loop: RowLoop): boolean {
  const { ts } = ctx
  let node: TS.Node = top
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent
  const parent = node.parent
  if (parent && ts.isAwaitExpression(parent)) return true
  if (!loop.promiseAll || !parent) return false
  return parent === loop.body || (ts.isReturnStatement(parent) && isWithin(parent, loop.body))
}

/** Adds the preload (or withCount) to the rows' query and drops the per-row statement. */
function preloadFix(
  ctx: OriginContext,
  call: CallFact,
  loop: RowLoop,
  top: TS.Expression,
  replacement: string,
): FindingFix | undefined {
  const { ts } = ctx
  const query = loop.origin.queryCall
  if (!query || !dependsOnlyOnOuterScope(ctx, call.node.arguments, loop.node)) return undefined
  const removal = removalOf(ts, top, loop)
  if (!removal) return undefined
  const file = query.getSourceFile()
  const args = call.node.arguments.map((a) => a.getText(file)).join(', ')
  return {
    title: `Add .${replacement}('${(call.node.arguments[0] as TS.StringLiteralLike).text}') to the query and drop the per-row ${call.method}`,
    edits: [{ start: query.getEnd(), end: query.getEnd(), newText: `.${replacement}(${args})` }, ...removal],
  }
}

/** The arguments can move out of the loop: no name in them is declared inside it. */
function dependsOnlyOnOuterScope(ctx: OriginContext, args: readonly TS.Expression[], loop: TS.Node): boolean {
  const { ts } = ctx
  let ok = true
  const visit = (node: TS.Node): void => {
    if (!ok) return
    if (ts.isIdentifier(node)) {
      const symbol = ctx.checker.getSymbolAtLocation(node)
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0]
      const inLoop = decl && isWithin(decl, loop)
      if (inLoop && !args.some((arg) => isWithin(decl, arg))) ok = false
    }
    ts.forEachChild(node, visit)
  }
  for (const arg of args) visit(arg)
  return ok
}
