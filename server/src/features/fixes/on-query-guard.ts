// LL301: a preload inside onQuery also runs for has/whereHas/withCount subqueries. The fix guards it
// with `if (!query.isRelatedSubQuery)`, as Lucid's docs do, using the callback's own parameter name.
import type * as TS from 'typescript'
import { isFunctionLike, type TsModule } from '../../analysis/syntax'
import type { Fix, FixInput, OffsetEdit } from './fix'
import { relationAt } from '../relation-site'
import { indentUnit, lineIndent, newlineOf } from './text-style'

type OnQueryFn = TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration

export function onQueryGuardFixes({ index, file, finding }: FixInput): Fix[] {
  const ts = index.ts
  const fn = relationAt(index, file, finding.start)?.relation.fact.onQuery as OnQueryFn | undefined
  if (!fn || !(isFunctionLike(ts, fn) || ts.isMethodDeclaration(fn)) || !fn.body) return []
  const param = fn.parameters[0]?.name
  if (!param || !ts.isIdentifier(param)) return []
  const guard = `if (!${param.text}.isRelatedSubQuery)`
  const edit = ts.isBlock(fn.body)
    ? wrapStatement(ts, file, fn.body, finding.start, guard)
    : wrapExpressionBody(file, fn.body, guard)
  return edit
    ? [{ title: `Run the preload only outside subqueries (${guard})`, preferred: true, edits: [edit] }]
    : []
}

/** `{ stmt }` → `{ if (!q.isRelatedSubQuery) { stmt } }`, re-indenting the statement's lines. */
function wrapStatement(
  ts: TsModule,
  file: TS.SourceFile,
  body: TS.Block,
  offset: number,
  guard: string,
): OffsetEdit | undefined {
  const token = findToken(ts, body, offset)
  const statement =
    token &&
    ts.findAncestor(token, (n) => n.parent !== undefined && ts.isBlock(n.parent) && isInside(n, body))
  if (!statement) return undefined
  const start = statement.getStart(file)
  const indent = lineIndent(file, start)
  const unit = indentUnit(file)
  const nl = newlineOf(file)
  const inner = statement.getText(file).replace(/\r?\n/g, (br) => `${br}${unit}`)
  return {
    file,
    start,
    end: statement.getEnd(),
    newText: `${guard} {${nl}${indent}${unit}${inner}${nl}${indent}}`,
  }
}

/** `(q) => q.preload('x')` → `(q) => {\n  if (!q.isRelatedSubQuery) {\n    q.preload('x')\n  }\n}`. */
function wrapExpressionBody(file: TS.SourceFile, body: TS.ConciseBody, guard: string): OffsetEdit {
  const start = body.getStart(file)
  const indent = lineIndent(file, start)
  const unit = indentUnit(file)
  const nl = newlineOf(file)
  const text = body.getText(file).replace(/\r?\n/g, (br) => `${br}${unit}${unit}`)
  const newText = `{${nl}${indent}${unit}${guard} {${nl}${indent}${unit}${unit}${text}${nl}${indent}${unit}}${nl}${indent}}`
  return { file, start, end: body.getEnd(), newText }
}

function isInside(node: TS.Node, block: TS.Block): boolean {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if (n === block) return true
  return false
}

function findToken(ts: TsModule, root: TS.Node, offset: number): TS.Node | undefined {
  let found: TS.Node | undefined
  const visit = (node: TS.Node): void => {
    if (offset < node.getStart() || offset >= node.getEnd()) return
    found = node
    ts.forEachChild(node, visit)
  }
  visit(root)
  return found
}
