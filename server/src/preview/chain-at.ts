// The Lucid code under a selection or the cursor, from the document's syntax: a selection is taken as
// written (without a leading `await` or a trailing `;`); a cursor takes the outermost call chain that
// contains it and reads as a preview plan (`User.query().whereHas('posts', (q) => q.where(...))` from
// anywhere inside it, the `await` in front left out). Nothing is evaluated.
import type * as TS from 'typescript'
import { rootName, unwrap, type TsModule } from '../analysis/call-reader'
import { FreeValueError, planFromCode, PlanSyntaxError } from './plan-from-code'

export interface ChainAt {
  text: string
  /** The identifier the chain starts at, in the document (for its type); absent for `new X()`. */
  root?: TS.Identifier
}

/** A syntax problem of the selected code, or undefined when the cursor is on no call chain. */
export function chainAt(
  ts: TsModule,
  file: TS.SourceFile,
  start: number,
  end: number,
  accept: (root: TS.Identifier) => boolean,
): ChainAt | PlanSyntaxError | undefined {
  if (end > start) return selected(ts, file, start, end)
  // A Lucid chain the reader refuses says why, as the same selection would; other chains are skipped.
  let refused: PlanSyntaxError | undefined
  for (const top of chainTops(ts, file, start)) {
    const text = top.getText(file)
    const root = rootIdentifier(ts, top)
    if (!root || !accept(root)) continue
    const problem = syntaxProblem(text)
    if (!problem) return { text: dedented(file, top.getStart(file), text), root }
    refused ??= problem
  }
  return refused
}

function selected(ts: TsModule, file: TS.SourceFile, start: number, end: number): ChainAt | PlanSyntaxError {
  const raw = file.text.slice(start, end)
  const text = raw
    .trim()
    .replace(/;+$/, '')
    .replace(/^await\s+/, '')
    .trim()
  const problem = syntaxProblem(text)
  if (problem) return problem
  const from = start + raw.indexOf(text)
  const node = nodeSpanning(ts, file, from, from + text.length)
  const root = node && rootIdentifier(ts, node)
  const shown = dedented(file, from, text)
  return root ? { text: shown, root } : { text: shown }
}

/**
 * The code as it reads on its own: continuation lines lose the indentation of the line the code
 * starts on (`      .where(...)` under a statement indented 4 becomes `  .where(...)`). Code with
 * a template literal is left as written, since its lines may be part of a string.
 */
function dedented(file: TS.SourceFile, start: number, text: string): string {
  if (text.includes('`')) return text
  const lineStart = file.text.lastIndexOf('\n', start - 1) + 1
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart, start))?.[0] ?? ''
  if (!indent) return text
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n')
}

/** Tops of the call chains around `offset`, outermost first. */
function chainTops(ts: TsModule, file: TS.SourceFile, offset: number): TS.Expression[] {
  const tops: TS.Expression[] = []
  for (let node = tokenAt(ts, file, offset); node && node !== file; node = node.parent) {
    if (!ts.isCallExpression(node)) continue
    const top = chainTop(ts, node)
    if (!tops.includes(top)) tops.unshift(top)
  }
  return tops
}

/** Up through `.a(...)` links while the node is what they are called on. */
function chainTop(ts: TsModule, call: TS.CallExpression): TS.Expression {
  let node: TS.Expression = call
  for (;;) {
    const parent = node.parent
    const continues =
      (ts.isPropertyAccessExpression(parent) ||
        ts.isCallExpression(parent) ||
        ts.isNonNullExpression(parent)) &&
      parent.expression === node
    if (!continues) return node
    node = parent
  }
}

function rootIdentifier(ts: TsModule, expression: TS.Expression): TS.Identifier | undefined {
  let node = unwrap(ts, expression)
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = unwrap(ts, node.expression)
  return ts.isIdentifier(node) && rootName(ts, expression) === node.text ? node : undefined
}

/** Why the code cannot be previewed; a free value (`page`) is no problem: the preview asks for it. */
function syntaxProblem(text: string): PlanSyntaxError | undefined {
  try {
    planFromCode(text)
    return undefined
  } catch (error) {
    if (error instanceof FreeValueError) return undefined
    if (error instanceof PlanSyntaxError) return error
    throw error
  }
}

/** The deepest node containing `offset` (at the end of a word, the word). */
function tokenAt(ts: TsModule, file: TS.SourceFile, offset: number): TS.Node | undefined {
  const inside = (node: TS.Node) => node.getStart(file) <= offset && offset <= node.getEnd()
  let found: TS.Node | undefined
  const visit = (node: TS.Node): void => {
    if (!inside(node)) return
    found = node
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(file, visit)
  return found
}

/** The outermost expression exactly spanning [start, end), e.g. the selected chain. */
function nodeSpanning(
  ts: TsModule,
  file: TS.SourceFile,
  start: number,
  end: number,
): TS.Expression | undefined {
  let found: TS.Expression | undefined
  const visit = (node: TS.Node): void => {
    if (found || node.getStart(file) > start || node.getEnd() < end) return
    if (node.getStart(file) === start && node.getEnd() === end && ts.isExpression(node)) found = node
    else ts.forEachChild(node, visit)
  }
  ts.forEachChild(file, visit)
  return found
}
