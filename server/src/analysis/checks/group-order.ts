// LL302-LL304: groupOrderBy misuse. Lucid emits `ORDER BY col undefined` without a direction and
// never resolves attribute names inside the window function (reference 4.3, gotcha G3).
import type * as TS from 'typescript'
import { propertyNotColumn } from '../../../../engine/src/naming/property-column'
import { finding, type Finding } from '../finding'
import type { CallFact } from '../file-facts'
import type { ModelInference } from '../infer'
import { stringValue, type TsModule } from '../syntax'

export function checkGroupOrderBy(ts: TsModule, inference: ModelInference, call: CallFact): Finding[] {
  if (call.method !== 'groupOrderBy') return []
  const out: Finding[] = []
  if (!hasGroupLimit(ts, call.node)) {
    out.push(
      finding(
        'groupOrderByWithoutGroupLimit',
        call.methodNode,
        'groupOrderBy only orders rows inside each group of groupLimit; without groupLimit(n) in the same ' +
          'query it has no per-group effect. Add groupLimit(n) or use orderBy.',
      ),
    )
  }
  const [column, direction] = call.node.arguments
  if (column && !direction) {
    out.push(
      finding(
        'groupOrderByWithoutDirection',
        call.methodNode,
        `groupOrderBy without a direction makes Lucid emit "ORDER BY ${column.getText().slice(1, -1)} undefined", ` +
          `which the database rejects. Pass 'asc' or 'desc'.`,
      ),
    )
  }
  const name = stringValue(ts, column)
  const ref = name !== undefined ? inference.of(call.receiver) : undefined
  const attribute = name !== undefined ? ref?.model.columns.get(name) : undefined
  if (column && attribute?.columnName && attribute.columnName !== name) {
    out.push(
      finding(
        'groupOrderByAttribute',
        column,
        `groupOrderBy puts "${name}" into raw SQL without resolving it: ` +
          propertyNotColumn([`${ref?.model.name}.${name}`], attribute.columnName),
        { suggestion: attribute.columnName },
      ),
    )
  }
  return out
}

/**
 * A groupLimit in the same builder: the callback body the call is in or, outside callbacks, the same
 * call chain. `.if()`, `.unless()` and `.match()` branches belong to the builder they are called on,
 * so a groupLimit in a sibling branch counts.
 */
function hasGroupLimit(ts: TsModule, call: TS.CallExpression): boolean {
  let scope = builderScope(ts, call)
  for (let branch = branchCall(ts, scope); branch; branch = branchCall(ts, scope))
    scope = builderScope(ts, branch)
  let found = false
  const visit = (node: TS.Node): void => {
    if (found) return
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'groupLimit') found = true
    else ts.forEachChild(node, visit)
  }
  visit(scope)
  return found
}

/** The innermost callback around the node, else the whole call chain the node belongs to. */
function builderScope(ts: TsModule, node: TS.Node): TS.Node {
  const fn = ts.findAncestor(
    node.parent,
    (n) => ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isSourceFile(n),
  )
  if (fn && !ts.isSourceFile(fn)) return fn
  let scope: TS.Node = node
  while (ts.isPropertyAccessExpression(scope.parent) || ts.isCallExpression(scope.parent))
    scope = scope.parent
  return scope
}

const BRANCH_METHODS = new Set(['if', 'unless', 'match'])

/**
 * The `.if(cond, cb, otherwise)`, `.unless(...)` or `.match([cond, cb], ...)` call a callback is a
 * branch of, if it is one.
 */
function branchCall(ts: TsModule, node: TS.Node): TS.CallExpression | undefined {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined
  const holder = ts.isArrayLiteralExpression(node.parent) ? node.parent.parent : node.parent
  return ts.isCallExpression(holder) &&
    ts.isPropertyAccessExpression(holder.expression) &&
    BRANCH_METHODS.has(holder.expression.name.text)
    ? holder
    : undefined
}
