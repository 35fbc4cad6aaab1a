// LL603: inside `db.transaction(async (trx) => {...})`, a query that does not use `trx` runs on its
// own connection: it is not rolled back with the transaction, and it can wait forever on rows the
// transaction holds locked. Judged only where the source shows it: an awaited (or returned) query
// whose call chain never mentions `trx`, on a model or an instance the callback never gave `trx`.
import type * as TS from 'typescript'
import { isDatabaseService } from '../database-service'
import { finding, type Finding } from '../finding'
import { TRANSACTION_CREATES, type CallFact } from '../file-facts'
import type { ModelInference } from '../infer'
import type { LucidModel } from '../lucid-model'
import { hasModifier, memberName, mentions, type TsModule } from '../syntax'

export function checkTransactionClient(
  ts: TsModule,
  inference: ModelInference,
  checker: TS.TypeChecker,
  call: CallFact,
): Finding[] {
  if (call.method !== 'transaction' || !isDatabaseService(ts, checker, call.receiver)) return []
  const callback = call.node.arguments[0]
  if (!callback || (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback))) return []
  const param = callback.parameters[0]
  if (!param || !ts.isIdentifier(param.name)) return []
  const trx = param.name.text
  const out: Finding[] = []
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const found = checkCall(
        ts,
        inference,
        checker,
        { callback, trx, label: `${call.receiver.getText()}.transaction()` },
        node,
      )
      if (found) out.push(found)
    }
    ts.forEachChild(node, visit)
  }
  visit(callback.body)
  return out
}

interface Transaction {
  callback: TS.ArrowFunction | TS.FunctionExpression
  trx: string
  /** `db.transaction()` or `Database.transaction()`, as written, for messages. */
  label: string
}

function checkCall(
  ts: TsModule,
  inference: ModelInference,
  checker: TS.TypeChecker,
  transaction: Transaction,
  node: TS.CallExpression,
): Finding | undefined {
  const access = node.expression as TS.PropertyAccessExpression
  const method = access.name.text
  if (method !== 'query' && method !== 'related' && !TRANSACTION_CREATES.has(method)) return undefined
  const top = chainTop(ts, node)
  if (!runsHere(ts, transaction, top) || mentions(ts, top, transaction.trx)) return undefined
  const ref = inference.of(access.expression)
  // A model on a connection of its own is not meant to share the default connection's transaction.
  if (ref && ownConnection(ts, ref.model)) return undefined
  const { trx, label } = transaction
  if (method === 'query' && ref?.kind === 'class') {
    if (node.arguments.length > 0) return undefined // options we do not read (a variable, a spread)
    return finding(
      'queryOutsideTransaction',
      access.name,
      `${ref.model.name}.query() inside ${label} does not use "${trx}": it runs outside the ` +
        `transaction, is not rolled back with it and can wait on the rows it locks. ` +
        `Pass { client: ${trx} } (or call .useTransaction(${trx})).`,
      { suggestion: trx },
    )
  }
  if (TRANSACTION_CREATES.has(method) && ref?.kind === 'class') {
    const payloads = method === 'create' || method === 'createMany' ? 1 : 2
    if (node.arguments.length > payloads) return undefined
    return finding(
      'queryOutsideTransaction',
      access.name,
      `${ref.model.name}.${method}() inside ${label} does not use "${trx}": the row is written ` +
        `outside the transaction and stays when it rolls back. Pass { client: ${trx} } as its options.`,
      { suggestion: trx },
    )
  }
  if (method === 'related' && ref?.kind === 'instance' && ts.isIdentifier(access.expression)) {
    if (!withoutTransaction(ts, checker, transaction, access.expression)) return undefined
    const name = access.expression.text
    return finding(
      'queryOutsideTransaction',
      access.name,
      `${name}.related() inside ${label}: ${name} was not given "${trx}", so the relation's ` +
        `queries run outside the transaction. Call ${name}.useTransaction(${trx}) first.`,
      { suggestion: trx },
    )
  }
  return undefined
}

/** The outermost call or property access of the chain the node is part of. */
function chainTop(ts: TsModule, node: TS.Expression): TS.Expression {
  let top = node
  while (
    (ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top) ||
    (ts.isCallExpression(top.parent) && top.parent.expression === top)
  )
    top = top.parent as TS.Expression
  return top
}

/**
 * An awaited chain, or one the callback itself returns, runs now on its own. A chain passed to
 * another call (a subquery), kept in a variable or returned from another callback is not judged.
 */
function runsHere(ts: TsModule, transaction: Transaction, top: TS.Expression): boolean {
  const parent = top.parent
  if (ts.isAwaitExpression(parent)) return true
  if (ts.isReturnStatement(parent)) return ts.findAncestor(parent, ts.isFunctionLike) === transaction.callback
  return false
}

/** Whether the identifier appears in the chain (`{ client: trx }`, `.useTransaction(trx)`...). */
/**
 * An instance the transaction callback never hands `trx`: declared outside the callback, or inside
 * it from a finder, `create` or `new` that does not mention `trx`; and never given it by
 * `useTransaction(trx)` or `$trx` in the callback. Other origins (loops, destructuring) are unsure.
 */
function withoutTransaction(
  ts: TsModule,
  checker: TS.TypeChecker,
  transaction: Transaction,
  instance: TS.Identifier,
): boolean {
  const decl = safe(() => checker.getSymbolAtLocation(instance))?.valueDeclaration
  if (!decl) return false
  const { callback, trx } = transaction
  if (givenLater(ts, callback.body, instance.text)) return false
  const inside = ts.findAncestor(decl, (n) => n === callback) !== undefined
  if (!inside) return ts.isParameter(decl) || ts.isVariableDeclaration(decl)
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name) || !decl.initializer) return false
  if (mentions(ts, decl.initializer, trx)) return false
  let init = decl.initializer
  if (ts.isAwaitExpression(init)) init = init.expression
  return (
    ts.isNewExpression(init) ||
    (ts.isCallExpression(init) &&
      ts.isPropertyAccessExpression(init.expression) &&
      /^(find|findOrFail|findBy|findByOrFail|create|firstOrCreate|updateOrCreate|first|firstOrFail)$/.test(
        init.expression.name.text,
      ))
  )
}

/** `user.useTransaction(...)`, `user.$trx = ...` or `user = ...` anywhere in the callback. */
function givenLater(ts: TsModule, body: TS.Node, name: string): boolean {
  let found = false
  const visit = (node: TS.Node): void => {
    if (found) return
    const given =
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === name &&
      (node.name.text === 'useTransaction' || node.name.text === '$trx')
    const assigned =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(node.left) &&
      node.left.text === name
    if (given || assigned) found = true
    else ts.forEachChild(node, visit)
  }
  visit(body)
  return found
}

/** `static connection = ...` on the model or a base class. */
function ownConnection(ts: TsModule, model: LucidModel): boolean {
  for (let current: LucidModel | undefined = model; current; current = current.base)
    for (const member of current.facts.node.members)
      if (
        ts.isPropertyDeclaration(member) &&
        hasModifier(ts, member, ts.SyntaxKind.StaticKeyword) &&
        memberName(ts, member.name) === 'connection'
      )
        return true
  return false
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
