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

/** A groupLimit in the same callback body or, outside callbacks, in the same call chain. */
function hasGroupLimit(ts: TsModule, call: TS.CallExpression): boolean {
  const fn = ts.findAncestor(
    call,
    (n) => ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isSourceFile(n),
  )
  let scope: TS.Node = call
  if (fn && !ts.isSourceFile(fn)) scope = fn
  else
    while (ts.isPropertyAccessExpression(scope.parent) || ts.isCallExpression(scope.parent))
      scope = scope.parent
  let found = false
  const visit = (node: TS.Node): void => {
    if (found) return
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'groupLimit') found = true
    else ts.forEachChild(node, visit)
  }
  visit(scope)
  return found
}
