// What a variable stands for: its type as written (`: any` says nothing, so the value is read
// instead), the rows a `for...of` walks, its initializer, and for a `let` every value assigned to it
// that can run before the use as well: `let user` then `user = await User.find(id)` in two branches.
import type * as TS from 'typescript'
import type { ModelInference, ModelRef } from './infer'
import { agreedRef, isNullish } from './infer-branches'
import { refOfTypeNode } from './infer-types'
import { symbolAt } from './resolve'
import { skipOuter, type TsModule } from './syntax'

export function variableRef(
  inf: ModelInference,
  decl: TS.VariableDeclaration,
  depth: number,
  inProgress: Map<TS.Node, ModelRef | undefined>,
  use: TS.Node,
): ModelRef | undefined {
  const ts = inf.index.ts
  if (decl.type && decl.type.kind !== ts.SyntaxKind.AnyKeyword) return refOfTypeNode(inf.index, decl.type)
  const loop = decl.parent.parent
  if (ts.isForOfStatement(loop) && ts.isIdentifier(decl.name)) {
    const items = inf.of(loop.expression, depth + 1)
    return items?.kind === 'instances' ? { model: items.model, kind: 'instance' } : undefined
  }
  if (!(decl.parent.flags & ts.NodeFlags.Let) || !ts.isIdentifier(decl.name))
    return initializerRef(inf, decl, depth)
  // A `let` assigned from itself (`query = query.where(...)`): the value it had is taken to be the
  // one the other values agree on, and the answer stands only if every value then agrees with it.
  if (inProgress.has(decl)) return inProgress.get(decl)
  const all = assignedValues(inf, decl)
  if (!all) return undefined
  const assigned = all.filter((value) => mayRunBefore(ts, value.parent, use))
  inProgress.set(decl, undefined)
  try {
    const given = decl.initializer !== undefined && !isNullish(ts, decl.initializer)
    const init = given ? initializerRef(inf, decl, depth) : undefined
    if (given && !init) return undefined
    const assumed = init ?? firstRef(inf, assigned, depth)
    if (!assumed) return undefined
    inProgress.set(decl, assumed)
    const agreed = agreedRef(inf, assigned, depth)
    if (assigned.length > 0 && (agreed?.model !== assumed.model || agreed.kind !== assumed.kind))
      return undefined
    return assumed
  } finally {
    inProgress.delete(decl)
  }
}

/**
 * Whether an assignment can run before `use` reads the variable: not when it comes later in the
 * same function body and no loop around the use holds it too (`rows = await rows.exec()` after
 * `rows.preload(...)` leaves the builder the preload sees unchanged).
 */
function mayRunBefore(ts: TsModule, write: TS.Node, use: TS.Node): boolean {
  if (write.getStart() <= use.getStart()) return true
  const home = ts.findAncestor(use.parent, ts.isFunctionLike)
  if (ts.findAncestor(write.parent, ts.isFunctionLike) !== home) return true
  for (let node = use.parent; node && node !== home; node = node.parent) {
    if (ts.isIterationStatement(node, false) && write.pos >= node.pos && write.end <= node.end) return true
  }
  return false
}

/** The ref of the first value that gives one, while the variable's own value is still unknown. */
function firstRef(
  inf: ModelInference,
  values: readonly TS.Expression[],
  depth: number,
): ModelRef | undefined {
  for (const value of values) {
    if (isNullish(inf.index.ts, value)) continue
    const ref = inf.of(value, depth + 1)
    if (ref) return ref
  }
  return undefined
}

function initializerRef(
  inf: ModelInference,
  decl: TS.VariableDeclaration,
  depth: number,
): ModelRef | undefined {
  if (!decl.initializer) return undefined
  const init = skipOuter(inf.index.ts, decl.initializer)
  return (
    inf.of(decl.initializer, depth + 1) ??
    (inf.index.ts.isCallExpression(init) ? inf.declaredReturn(init) : undefined)
  )
}

const cache = new WeakMap<TS.VariableDeclaration, readonly TS.Expression[] | null>()

/**
 * The right sides of every `name = value` (and `??=`, `||=`) in the scope of a `let`; null when the
 * name is also written some other way (`name += 1`, `[name] = pair`, `for (name of rows)`), whose
 * value the syntax does not give.
 */
function assignedValues(inf: ModelInference, decl: TS.VariableDeclaration): readonly TS.Expression[] | null {
  const cached = cache.get(decl)
  if (cached !== undefined) return cached
  const ts = inf.index.ts
  const name = (decl.name as TS.Identifier).text
  const scope = ts.findAncestor(
    decl.parent,
    (n) =>
      ts.isBlock(n) ||
      ts.isSourceFile(n) ||
      ts.isFunctionLike(n) ||
      ts.isForStatement(n) ||
      ts.isForOfStatement(n) ||
      ts.isForInStatement(n) ||
      ts.isCaseBlock(n),
  )
  const symbol = symbolAt(inf.index.checker, decl.name)
  const out: TS.Expression[] = []
  let unknown = !scope || !symbol
  const visit = (node: TS.Node): void => {
    if (unknown) return
    if (ts.isIdentifier(node) && node.text === name && node !== decl.name && isWritten(ts, node)) {
      if (symbolAt(inf.index.checker, node) === symbol) {
        const value = assignment(ts, node)
        if (value) out.push(value)
        else unknown = true
      }
    }
    ts.forEachChild(node, visit)
  }
  if (scope) ts.forEachChild(scope, visit)
  const result = unknown ? null : out
  cache.set(decl, result)
  return result
}

/** The identifier is the target of a write (an assignment, `++`, a destructuring, a loop variable). */
function isWritten(ts: TsModule, id: TS.Identifier): boolean {
  let node: TS.Node = id
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent
  const parent = node.parent
  if (ts.isBinaryExpression(parent))
    return parent.left === node && isAssignmentOperator(ts, parent.operatorToken.kind)
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent))
    return (
      parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken
    )
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node) return true
  // `[a, name] = pair`, `({ name } = obj)`: a target inside a literal on the left of `=`.
  if (
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isSpreadElement(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node)
  ) {
    let outer: TS.Node = parent
    while (
      ts.isArrayLiteralExpression(outer.parent) ||
      ts.isObjectLiteralExpression(outer.parent) ||
      ts.isPropertyAssignment(outer.parent) ||
      ts.isShorthandPropertyAssignment(outer.parent) ||
      ts.isSpreadElement(outer.parent)
    )
      outer = outer.parent
    const top = outer.parent
    return (
      (ts.isBinaryExpression(top) &&
        top.left === outer &&
        top.operatorToken.kind === ts.SyntaxKind.EqualsToken) ||
      ((ts.isForOfStatement(top) || ts.isForInStatement(top)) && top.initializer === outer)
    )
  }
  return false
}

function isAssignmentOperator(ts: TsModule, kind: TS.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment
}

/** The value a plain `name = value` (or `??=`, `||=`) gives; undefined for every other write. */
function assignment(ts: TsModule, id: TS.Identifier): TS.Expression | undefined {
  let node: TS.Node = id
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent
  const parent = node.parent
  if (!ts.isBinaryExpression(parent) || parent.left !== node) return undefined
  // `??=` and `||=` give their right side only sometimes; the value is then one of the others.
  const op = parent.operatorToken.kind
  const assigning =
    op === ts.SyntaxKind.EqualsToken ||
    op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    op === ts.SyntaxKind.BarBarEqualsToken
  return assigning ? parent.right : undefined
}
