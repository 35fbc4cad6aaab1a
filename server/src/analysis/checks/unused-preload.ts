// LL503 (a hint, off by default): `const users = await User.query().preload('posts')` where the
// rows never leave the function (not returned, passed on or serialized) and nothing reads
// `user.posts`: one query for nothing. Any use we cannot follow means the preload may be read.
import type * as TS from 'typescript'
import { finding, type Finding } from '../finding'
import type { LucidModel } from '../lucid-model'
import { isStringLike } from '../syntax'
import { declarationOf, rowsOrigin, type OriginContext } from './rows-origin'

/** Array methods whose callback gets each row, and whose result holds no row. */
const ROW_CALLBACKS = new Set(['map', 'forEach', 'some', 'every', 'flatMap'])

export function checkUnusedPreloads(ctx: OriginContext, file: TS.SourceFile): Finding[] {
  const { ts } = ctx
  if (!/\.preload\s*\(/.test(file.text)) return []
  const out: Finding[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      out.push(...check(ctx, node as TS.VariableDeclaration & { name: TS.Identifier }))
    ts.forEachChild(node, visit)
  }
  visit(file)
  return out
}

function check(ctx: OriginContext, decl: TS.VariableDeclaration & { name: TS.Identifier }): Finding[] {
  const { ts } = ctx
  const origin = decl.initializer && rowsOrigin(ctx, decl.initializer)
  if (!origin?.queryCall || origin.preloads.size === 0 || origin.fetch !== skipAwait(ctx, decl.initializer))
    return []
  const scope = ts.findAncestor(decl, ts.isFunctionLike)
  if (!scope) return []
  const read = new Set<string>()
  const rows = { model: origin.model, read }
  const ok = origin.many ? rowsStayHere(ctx, scope, decl, rows) : rowStaysHere(ctx, scope, decl, rows)
  if (!ok) return []
  const out: Finding[] = []
  for (const call of preloadCalls(ctx, origin.fetch)) {
    const name = call.arguments[0]
    if (!isStringLike(ts, name) || read.has(name.text)) continue
    out.push(
      finding(
        'preloadNeverRead',
        name,
        `'${name.text}' is preloaded, but nothing in this function reads it on ${decl.name.text}, and ` +
          `${decl.name.text} does not leave the function: the preload runs a query for nothing.`,
      ),
    )
  }
  return out
}

function skipAwait(ctx: OriginContext, expr: TS.Expression | undefined): TS.Expression | undefined {
  let node = expr
  while (node && (ctx.ts.isParenthesizedExpression(node) || ctx.ts.isAwaitExpression(node)))
    node = node.expression
  return node
}

function preloadCalls(ctx: OriginContext, fetch: TS.Expression): TS.CallExpression[] {
  const { ts } = ctx
  const out: TS.CallExpression[] = []
  let node: TS.Expression = fetch
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    if (node.expression.name.text === 'preload') out.push(node)
    node = node.expression.expression
  }
  return out
}

/** Every use of the array is `rows.length`, a loop over it, or a row callback of an array method. */
interface RowReads {
  model: LucidModel
  /** The properties read on the rows. */
  read: Set<string>
}

function rowsStayHere(ctx: OriginContext, scope: TS.Node, decl: TS.Declaration, rows: RowReads): boolean {
  const { ts } = ctx
  return usesOf(ctx, scope, decl).every((use) => {
    const parent = use.parent
    if (ts.isForOfStatement(parent) && parent.expression === use) {
      const row = parent.initializer
      if (!ts.isVariableDeclarationList(row)) return false
      const rowDecl = row.declarations[0]
      return !!rowDecl && ts.isIdentifier(rowDecl.name) && rowStaysHere(ctx, scope, rowDecl, rows)
    }
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== use) return false
    if (parent.name.text === 'length' && !ts.isCallExpression(parent.parent)) return true
    const call = parent.parent
    const fn = call && ts.isCallExpression(call) && call.expression === parent ? call.arguments[0] : undefined
    if (!fn || !ROW_CALLBACKS.has(parent.name.text)) return false
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false
    const param = fn.parameters[0]
    if (fn.parameters.length !== 1 || !param || !ts.isIdentifier(param.name)) return false
    return rowStaysHere(ctx, fn, param, rows)
  })
}

/**
 * Every use of the row reads a column, a relation or `$extras`: no method, no getter (it may read
 * the relation), no hand-over.
 */
function rowStaysHere(ctx: OriginContext, scope: TS.Node, decl: TS.Declaration, rows: RowReads): boolean {
  const { ts } = ctx
  return usesOf(ctx, scope, decl).every((use) => {
    const parent = use.parent
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== use) return false
    const name = parent.name.text
    const known = name === '$extras' || rows.model.columns.has(name) || rows.model.relations.has(name)
    if (!known || (ts.isCallExpression(parent.parent) && parent.parent.expression === parent)) return false
    rows.read.add(name)
    return true
  })
}

/** The identifiers in `scope` that refer to `decl` (its own name excluded). */
function usesOf(ctx: OriginContext, scope: TS.Node, decl: TS.Declaration): TS.Identifier[] {
  const { ts } = ctx
  const name = (decl as TS.NamedDeclaration).name
  const text = name && ts.isIdentifier(name) ? name.text : undefined
  const out: TS.Identifier[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && node.text === text && node !== name && declarationOf(ctx, node) === decl)
      out.push(node)
    // A shorthand `{ users }` refers to the variable through a property symbol: it hands the rows on.
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === text) out.push(node.name)
    ts.forEachChild(node, visit)
  }
  visit(scope)
  return out
}
