// LL603: a query inside db.transaction() that does not use the transaction. The fix hands it the
// transaction the way Lucid takes it: `query({ client: trx })`, `create(values, { client: trx })`,
// and `user.useTransaction(trx).related(...)` (useTransaction returns the instance).
import { TRANSACTION_CREATES } from '../../analysis/file-facts'
import { callAt } from './call-at'
import { insertAt, type Fix, type FixInput } from './fix'

export function transactionFixes(input: FixInput): Fix[] {
  const trx = input.finding.suggestion
  const call = callAt(input, 'query', 'related', ...TRANSACTION_CREATES)
  const ts = input.index.ts
  if (!trx || !call || !ts.isPropertyAccessExpression(call.expression)) return []
  const method = call.expression.name.text
  const { file } = input
  if (method === 'query' && call.arguments.length === 0) {
    const close = call.getEnd() - 1
    return [fix(`Pass { client: ${trx} }`, insertAt(file, close, `{ client: ${trx} }`))]
  }
  const payloads = method === 'create' || method === 'createMany' ? 1 : 2
  const last = call.arguments[call.arguments.length - 1]
  if (TRANSACTION_CREATES.has(method) && last && call.arguments.length === payloads) {
    return [fix(`Pass { client: ${trx} }`, insertAt(file, last.getEnd(), `, { client: ${trx} }`))]
  }
  if (method === 'related') {
    const instance = call.expression.expression
    return [
      fix(`Call useTransaction(${trx}) first`, insertAt(file, instance.getEnd(), `.useTransaction(${trx})`)),
    ]
  }
  return []
}

function fix(title: string, edit: ReturnType<typeof insertAt>): Fix {
  return { title, preferred: true, edits: [edit] }
}
