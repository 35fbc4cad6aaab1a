// Syntax questions about a statement inside a loop over rows: does it run on every row, what is the
// loop called in a message, and what text goes away when the statement moves into the query.
import type * as TS from 'typescript'
import type { FindingEdit } from '../finding'
import type { TsModule } from '../syntax'
import type { RowLoop } from './row-loops'

export function isWithin(node: TS.Node, container: TS.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end
}

/**
 * `node` runs once per row: no condition, other function, `catch` or `switch` between it and the
 * loop body, and a `for…of` loop that no `break`, `return` or `throw` can cut short.
 */
export function onEveryIteration(ts: TsModule, node: TS.Node, loop: RowLoop): boolean {
  for (
    let child = node, parent = node.parent;
    parent && child !== loop.body;
    child = parent, parent = parent.parent
  ) {
    if (parent === loop.body) break
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
    if (ts.isIterationStatement(parent, false) && child === parent.statement && parent !== loop.node) {
      // An inner loop over other things: its body may run zero times; only its rows are certain.
      return false
    }
  }
  return loop.kind !== 'for…of' || !exitsEarly(ts, loop.body)
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

export function loopLabel(ts: TsModule, loop: RowLoop): string {
  const text = loop.rows.getText()
  const rows = text.length <= 40 && !text.includes('\n') ? text : 'the rows'
  if (loop.kind === 'for…of') return `The for…of loop over ${rows}`
  if (loop.kind === 'forEach') return `${rows}.forEach`
  return `Promise.all(${rows}.${loop.kind}(…))`
}

/**
 * What to delete when the per-row statement `top` moves into the query: its own line, or the whole
 * loop when it was the loop's only statement. Undefined when `top` is part of a larger statement.
 */
export function removalOf(ts: TsModule, top: TS.Expression, loop: RowLoop): FindingEdit | undefined {
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
  if (loopBlock && block.statements.length === 1) return loopStatement(ts, loop)
  return wholeLines(statement)
}

/** The statement that is the loop: `for…of`, `rows.forEach(...)`, `await Promise.all(rows.map(...))`. */
function loopStatement(ts: TsModule, loop: RowLoop): FindingEdit | undefined {
  if (loop.kind === 'for…of') return wholeLines(loop.node)
  let node: TS.Node = loop.promiseAll ?? loop.node
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)))
    node = node.parent
  return node.parent && ts.isExpressionStatement(node.parent) ? wholeLines(node.parent) : undefined
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
