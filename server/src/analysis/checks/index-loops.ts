// The row an element read stands for: `users[i]`, where `users` are fetched rows and `i` is the
// index of the loop the read is in: `for (let i = 0; i < users.length; i++)`, `for (const i in users)`,
// or `let i = 0; while (i < users.length) { const user = users[i++] ... }`. An index that the loop
// does not own, a bound other than the rows' length, or a second write to the index: no row.
import type * as TS from 'typescript'
import type { TsModule } from '../syntax'
import { isWithin, runsEveryTime, writesIn } from './loop-syntax'
import type { RowLoop } from './row-loops'
import { declarationOf, rowsOrigin, type OriginContext } from './rows-origin'

interface IndexLoop {
  kind: 'for' | 'for…in' | 'while'
  node: TS.IterationStatement
  /** The array the loop counts through: `users` in `i < users.length`, or `for (const i in users)`. */
  bound: TS.Identifier
  /** The one write to the index inside the body of a `while` loop. */
  step?: TS.Expression
}

/** The loop whose row `access` reads, when the rows are fetched and the index is that loop's own. */
export function elementLoopOf(ctx: OriginContext, access: TS.ElementAccessExpression): RowLoop | undefined {
  const { ts } = ctx
  const rows = access.expression
  if (!ts.isIdentifier(rows)) return undefined
  const arg = access.argumentExpression
  const stepped = ts.isPostfixUnaryExpression(arg) && arg.operator === ts.SyntaxKind.PlusPlusToken
  const index = stepped ? arg.operand : arg
  if (!ts.isIdentifier(index)) return undefined
  const decl = declarationOf(ctx, index)
  if (!decl || !ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined
  const loop = indexLoop(ctx, decl, access)
  if (!loop || declarationOf(ctx, loop.bound) !== declarationOf(ctx, rows)) return undefined
  // In a `while` loop the read is the step itself (`rows[i++]`) or comes before it; elsewhere the
  // index does not move inside the body.
  if (loop.step ? !(arg === loop.step || access.end <= loop.step.pos) : stepped) return undefined
  const origin = rowsOrigin(ctx, rows)
  // A paginator's own properties (`perPage`, ...) are enumerable: `for…in` walks them too.
  if (!origin?.many || (loop.kind === 'for…in' && origin.paginated)) return undefined
  return {
    kind: loop.kind,
    node: loop.node,
    body: loop.node.statement,
    rows,
    origin,
    row: access,
    index: decl.name,
  }
}

function indexLoop(ctx: OriginContext, decl: TS.VariableDeclaration, access: TS.Node): IndexLoop | undefined {
  const { ts } = ctx
  const list = decl.parent
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return undefined
  const owner = list.parent
  const inBody = (loop: TS.IterationStatement): boolean => isWithin(access, loop.statement)
  const fixed = (loop: TS.IterationStatement): boolean => writesTo(ctx, loop.statement, decl).length === 0
  if (ts.isForStatement(owner) && owner.initializer === list) {
    const bound = owner.condition && lengthBound(ctx, owner.condition, decl)
    const counts = startsAtZero(ts, decl) && !!owner.incrementor && isStep(ctx, owner.incrementor, decl)
    return bound && counts && inBody(owner) && fixed(owner) ? { kind: 'for', node: owner, bound } : undefined
  }
  if (ts.isForInStatement(owner) && owner.initializer === list) {
    const bound = owner.expression
    return ts.isIdentifier(bound) && inBody(owner) && fixed(owner)
      ? { kind: 'for…in', node: owner, bound }
      : undefined
  }
  if (!ts.isVariableStatement(owner) || list.flags & ts.NodeFlags.Const || !startsAtZero(ts, decl))
    return undefined
  const loop = ts.findAncestor(access, (n): n is TS.WhileStatement => ts.isWhileStatement(n) && inBody(n))
  const bound = loop && lengthBound(ctx, loop.expression, decl)
  if (!loop || !bound || !countsFromDeclaration(ctx, owner, loop, decl)) return undefined
  const writes = writesTo(ctx, loop.statement, decl)
  const step = writes.length === 1 ? writes[0] : undefined
  if (!step || !isStep(ctx, step, decl) || !runsEveryTime(ts, step, loop.statement, loop)) return undefined
  return { kind: 'while', node: loop, bound, step }
}

/** `i < rows.length` or `rows.length > i`: the rows whose length bounds the index. */
function lengthBound(
  ctx: OriginContext,
  condition: TS.Expression,
  decl: TS.Declaration,
): TS.Identifier | undefined {
  const { ts } = ctx
  if (!ts.isBinaryExpression(condition)) return undefined
  const op = condition.operatorToken.kind
  const [index, length] =
    op === ts.SyntaxKind.LessThanToken
      ? [condition.left, condition.right]
      : op === ts.SyntaxKind.GreaterThanToken
        ? [condition.right, condition.left]
        : []
  if (!index || !length || !isName(ctx, index, decl)) return undefined
  if (!ts.isPropertyAccessExpression(length) || length.name.text !== 'length') return undefined
  return ts.isIdentifier(length.expression) ? length.expression : undefined
}

function startsAtZero(ts: TsModule, decl: TS.VariableDeclaration): boolean {
  const init = decl.initializer
  return !!init && ts.isNumericLiteral(init) && init.text === '0'
}

/** `i++`, `++i`, `i += 1`, `i = i + 1`. */
function isStep(ctx: OriginContext, node: TS.Expression, decl: TS.Declaration): boolean {
  const { ts } = ctx
  const k = ts.SyntaxKind
  if (ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node))
    return node.operator === k.PlusPlusToken && isName(ctx, node.operand, decl)
  if (!ts.isBinaryExpression(node) || !isName(ctx, node.left, decl)) return false
  const one = (e: TS.Expression): boolean => ts.isNumericLiteral(e) && e.text === '1'
  if (node.operatorToken.kind === k.PlusEqualsToken) return one(node.right)
  if (node.operatorToken.kind !== k.EqualsToken || !ts.isBinaryExpression(node.right)) return false
  const sum = node.right
  return sum.operatorToken.kind === k.PlusToken && isName(ctx, sum.left, decl) && one(sum.right)
}

/** `let i = 0` stands in the block of the `while` loop, and nothing between them writes `i`. */
function countsFromDeclaration(
  ctx: OriginContext,
  statement: TS.VariableStatement,
  loop: TS.WhileStatement,
  decl: TS.Declaration,
): boolean {
  const block = statement.parent
  if (!block || loop.parent !== block || !('statements' in block)) return false
  const statements = (block as TS.Block).statements
  const from = statements.indexOf(statement)
  const to = statements.indexOf(loop)
  if (from < 0 || to <= from) return false
  return statements.slice(from + 1, to).every((s) => writesTo(ctx, s, decl).length === 0)
}

function writesTo(ctx: OriginContext, scope: TS.Node, decl: TS.Declaration): TS.Expression[] {
  return writesIn(ctx.ts, scope, (e) => isName(ctx, e, decl))
}

function isName(ctx: OriginContext, node: TS.Expression, decl: TS.Declaration): boolean {
  return ctx.ts.isIdentifier(node) && declarationOf(ctx, node) === decl
}
