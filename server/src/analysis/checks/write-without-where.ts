// LL602: `Model.query().update({...})` or `.delete()` with nothing that narrows the rows changes every
// row of the table. Only the plain chain from `Model.query()` is judged: a query built in a variable,
// through a scope, a branch or any other method may be narrowed in ways not seen here.
import type * as TS from 'typescript'
import { finding, type Finding } from '../finding'
import type { CallFact } from '../file-facts'
import type { ModelInference } from '../infer'
import type { TsModule } from '../syntax'

const WRITES = new Set(['update', 'delete', 'del'])
/** Methods that leave the set of rows alone. Anything else in the chain: no finding. */
const NEUTRAL = new Set(['useTransaction', 'debug', 'timeout', 'returning', 'pojo'])
const EXECUTE = new Set(['exec', 'then', 'catch', 'finally'])

/** Tests, seeders and factories empty tables on purpose. */
const SETUP_CODE = /(^|\/)(tests?|database\/seeders|database\/factories)\/|\.(spec|test)\.[cm]?[jt]s$/

export function checkWriteWithoutWhere(ts: TsModule, inference: ModelInference, call: CallFact): Finding[] {
  if (!WRITES.has(call.method)) return []
  if (SETUP_CODE.test(call.node.getSourceFile().fileName)) return []
  if (call.method === 'update' && call.node.arguments.length === 0) return []
  // Knex takes the where after the write too: `query().delete().where(...)`.
  for (let later: TS.Node = call.node; ;) {
    const access = later.parent
    if (!ts.isPropertyAccessExpression(access) || access.expression !== later) break
    if (!NEUTRAL.has(access.name.text) && !EXECUTE.has(access.name.text)) return []
    if (!ts.isCallExpression(access.parent)) break
    later = access.parent
  }
  let current: TS.Expression = call.receiver
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const method = current.expression.name.text
    if (method === 'query') break
    if (!NEUTRAL.has(method)) return []
    current = current.expression.expression
  }
  if (!ts.isCallExpression(current) || !ts.isPropertyAccessExpression(current.expression)) return []
  const modelRef = inference.of(current.expression.expression)
  if (modelRef?.kind !== 'class') return [] // a relation's query is narrowed to the parent's rows
  const { name, table } = modelRef.model
  const all = call.method === 'update' ? 'updates every row' : 'deletes every row'
  const remedy =
    call.method === 'update'
      ? 'Add a where clause'
      : `Add a where clause (or call ${name}.truncate() if that is meant)`
  return [
    finding(
      'writeWithoutWhere',
      call.methodNode,
      `${name}.query().${call.method}() has no where clause: it ${all} of ${table ? `table "${table}"` : 'the table'}. ${remedy}.`,
    ),
  ]
}
