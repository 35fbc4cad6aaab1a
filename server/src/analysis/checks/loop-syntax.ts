// Syntax questions about a statement inside a loop over rows: does it run on every row, what is the
// loop called in a message, and what text goes away when the statement moves into the query.
import type * as TS from 'typescript'
import type { FindingEdit } from '../finding'
import { mentions, type TsModule } from '../syntax'
import type { RowLoop } from './row-loops'

export function isWithin(node: TS.Node, container: TS.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end
}

/**
 * `node` runs once per row: no condition, other function, `catch` or `switch` between it and the
 * loop body, and a statement loop that no `break`, `return` or `throw` can cut short.
 */
export function onEveryIteration(ts: TsModule, node: TS.Node, loop: RowLoop): boolean {
  if (!runsEveryTime(ts, node, loop.body, loop.node)) return false
  return !isStatementLoop(loop) || !exitsEarly(ts, loop.body)
}

/** `node` runs each time `body` (of the loop `loop`) does: nothing between them decides otherwise. */
export function runsEveryTime(ts: TsModule, node: TS.Node, body: TS.Node, loop: TS.Node): boolean {
  for (
    let child = node, parent = node.parent;
    parent && child !== body;
    child = parent, parent = parent.parent
  ) {
    if (parent === body) break
    if (ts.isFunctionLike(parent)) return false
    if (ts.isIfStatement(parent) && child !== parent.expression) return false
    if (ts.isConditionalExpression(parent) && child !== parent.condition) return false
    if (ts.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind
      const k = ts.SyntaxKind
      if (op === k.AmpersandAmpersandToken || op === k.BarBarToken || op === k.QuestionQuestionToken)
        return false
    }
    if (ts.isCaseOrDefaultClause(parent) || ts.isCatchClause(parent)) return false
    if (ts.isIterationStatement(parent, false) && child === parent.statement && parent !== loop) {
      // An inner loop over other things: its body may run zero times; only its rows are certain.
      return false
    }
  }
  return true
}

/** A loop statement (`for…of`, `for`, `for…in`, `while`), not a callback of an array method. */
export function isStatementLoop(loop: RowLoop): boolean {
  return ['for…of', 'for', 'for…in', 'while'].includes(loop.kind)
}

function exitsEarly(ts: TsModule, body: TS.Node): boolean {
  let exits = false
  const visit = (node: TS.Node): void => {
    if (exits || ts.isFunctionLike(node)) return
    if (ts.isBreakStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) exits = true
    else ts.forEachChild(node, visit)
  }
  visit(body)
  return exits
}

/** How a message names a row: `user`, `users[i]` (also for the read that steps, `users[i++]`). */
export function rowName(ts: TsModule, row: TS.Expression): string {
  if (!ts.isElementAccessExpression(row)) return row.getText()
  return `${row.expression.getText()}[${elementIndex(ts, row).getText()}]`
}

/** The index an element read uses: `i` in `users[i]` and in `users[i++]`. */
export function elementIndex(ts: TsModule, access: TS.ElementAccessExpression): TS.Expression {
  const arg = access.argumentExpression
  return ts.isPostfixUnaryExpression(arg) ? arg.operand : arg
}

export function loopLabel(ts: TsModule, loop: RowLoop): string {
  // `for (const [i, user] of users.entries())` counts through `users.entries()`.
  const over = ts.isForOfStatement(loop.node) ? loop.node.expression : loop.rows
  const text = over.getText()
  const rows = text.length <= 40 && !text.includes('\n') ? text : 'the rows'
  if (isStatementLoop(loop)) return `The ${loop.kind} loop over ${rows}`
  if (loop.kind === 'forEach') return `${rows}.forEach`
  return `Promise.all(${rows}.${loop.kind}(…))`
}

/**
 * What to delete when the per-row statement `top` moves into the query: its own line, or the whole
 * loop when nothing else is left in it but the row's declaration (`const user = users[i]`).
 * Undefined when `top` is part of a larger statement, or also moves the index of a `while` loop.
 */
export function removalOf(ts: TsModule, top: TS.Expression, loop: RowLoop): FindingEdit[] | undefined {
  let node: TS.Node = top
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)))
    node = node.parent
  const fn = ts.isArrowFunction(loop.body) ? loop.body : undefined
  if (fn && fn.body === node) return loopStatement(ts, loop)
  const statement = node.parent
  if (!statement || !ts.isExpressionStatement(statement)) return undefined
  const block = statement.parent
  if (!block || !ts.isBlock(block)) return undefined
  const loopBlock =
    block === loop.body ||
    ((ts.isArrowFunction(loop.body) || ts.isFunctionExpression(loop.body)) && loop.body.body === block)
  const others = block.statements.filter((s) => s !== statement && !isRowDeclaration(ts, s, loop))
  if (loopBlock && others.length === 0) return loopStatement(ts, loop)
  const index = loop.index?.text
  if (index && writesIn(ts, statement, (e) => ts.isIdentifier(e) && e.text === index).length > 0)
    return undefined
  return [wholeLines(statement)]
}

/** `const user = users[i]` (or `users[i++]`): the loop's row, and nothing else. */
function isRowDeclaration(ts: TsModule, statement: TS.Statement, loop: RowLoop): boolean {
  if (!loop.index || !ts.isVariableStatement(statement)) return false
  const [decl, ...more] = statement.declarationList.declarations
  const init = decl?.initializer
  if (more.length > 0 || !init || !ts.isElementAccessExpression(init)) return false
  return (
    init.expression.getText() === loop.rows.getText() && elementIndex(ts, init).getText() === loop.index.text
  )
}

/** The statement that is the loop: `for…of`, `rows.forEach(...)`, `await Promise.all(rows.map(...))`. */
function loopStatement(ts: TsModule, loop: RowLoop): FindingEdit[] | undefined {
  if (loop.kind === 'while') return whileStatement(ts, loop)
  if (isStatementLoop(loop)) return [wholeLines(loop.node)]
  let node: TS.Node = loop.promiseAll ?? loop.node
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)))
    node = node.parent
  return node.parent && ts.isExpressionStatement(node.parent) ? [wholeLines(node.parent)] : undefined
}

/** The `while` loop, and its `let i = 0` when nothing else in the block names `i`. */
function whileStatement(ts: TsModule, loop: RowLoop): FindingEdit[] {
  const loopEdit = wholeLines(loop.node)
  const statement = loop.index?.parent.parent.parent
  const block = loop.node.parent
  if (!loop.index || !statement || !ts.isVariableStatement(statement) || !block || !ts.isBlock(block))
    return [loopEdit]
  const name = loop.index.text
  const elsewhere = block.statements.some((s) => s !== statement && s !== loop.node && mentions(ts, s, name))
  const alone = statement.declarationList.declarations.length === 1
  return alone && !elsewhere ? [wholeLines(statement), loopEdit] : [loopEdit]
}

/** The expressions in `scope` that increment, decrement or assign what `target` names. */
export function writesIn(
  ts: TsModule,
  scope: TS.Node,
  target: (e: TS.Expression) => boolean,
): TS.Expression[] {
  const k = ts.SyntaxKind
  const out: TS.Expression[] = []
  const visit = (n: TS.Node): void => {
    const step = ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)
    if (step && (n.operator === k.PlusPlusToken || n.operator === k.MinusMinusToken) && target(n.operand))
      out.push(n)
    if (ts.isBinaryExpression(n) && target(n.left)) {
      const op = n.operatorToken.kind
      if (op >= k.FirstAssignment && op <= k.LastAssignment) out.push(n)
    }
    ts.forEachChild(n, visit)
  }
  visit(scope)
  return out
}

/** The node's text, with its line (and a trailing line comment) when no other code is on it. */
function wholeLines(node: TS.Node): FindingEdit {
  const text = node.getSourceFile().text
  let start = node.getStart()
  let end = node.getEnd()
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  let after = end
  while (text[after] === ' ' || text[after] === '\t' || text[after] === '\r') after++
  // A line comment after the statement is about the statement: it goes with it.
  if (text.startsWith('//', after))
    after = text.indexOf('\n', after) === -1 ? text.length : text.indexOf('\n', after)
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && (text[after] === '\n' || after === text.length)) {
    start = lineStart
    end = Math.min(after + 1, text.length)
  }
  return { start, end, newText: '' }
}
