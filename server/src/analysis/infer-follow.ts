// The receivers ModelInference follows beyond plain names and calls: static methods of the model
// (`Movie.published()` returning `this.query()`), loaded relations (`movie.reviews`), `auth.user`,
// `(await import('#models/movie')).default`, destructured arrays and `Promise.all` results, the
// query of a `scope((query) => ...)`, and the builders and rows a factory's callbacks receive.
import type * as TS from 'typescript'
import { authUserModel, defaultExportModel, isAuthExpression } from './auth-user'
import { fileFacts } from './file-facts'
import type { ModelInference, ModelRef } from './infer'
import { agreedRef } from './infer-branches'
import { objectMemberRef } from './infer-objects'
import { refOfTypeNode } from './infer-types'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { symbolAt } from './resolve'
import { returnedExpressions, skipOuter, stringValue, type TsModule } from './syntax'

/** Relation kinds whose property holds an array of the related model once loaded. */
const MANY_RELATIONS = new Set(['hasMany', 'manyToMany', 'hasManyThrough'])

/**
 * `Movie.published()` where `static published() { return this.query()... }`: what the method
 * returns, on the model it is called on (`this` in a static method is that model).
 */
export function staticMethodRef(
  inf: ModelInference,
  receiver: ModelRef,
  access: TS.PropertyAccessExpression,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  const decl = symbolDeclaration(inf, access.name)
  let fn: TS.Node | undefined = decl
  if (decl && ts.isPropertyDeclaration(decl) && decl.initializer) fn = skipOuter(ts, decl.initializer)
  if (!fn || !(ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)))
    return undefined
  if (fn.type) return refOfTypeNode(inf.index, fn.type)
  const cls = ts.findAncestor(fn, ts.isClassLike)
  const owner = cls && inf.index.modelOf(cls)
  const returned = returnedExpressions(ts, fn)
  if (!owner || returned.length === 0) return undefined
  const result = agreedRef(inf, returned, depth)
  if (!result) return undefined
  return result.model === owner ? { model: receiver.model, kind: result.kind } : result
}

/** `auth.user`, `(await import('#models/user')).default`, `user.posts` (a loaded relation). */
export function propertyRef(
  inf: ModelInference,
  node: TS.PropertyAccessExpression,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  const name = node.name.text
  if (name === 'user' && isAuthExpression(inf.index, node.expression)) {
    const user = authUserModel(inf.index)
    return user && { model: user, kind: 'instance' }
  }
  const target = skipOuter(ts, node.expression)
  if (
    name === 'default' &&
    ts.isCallExpression(target) &&
    target.expression.kind === ts.SyntaxKind.ImportKeyword
  ) {
    const model = defaultExportModel(inf.index, target)
    return model && { model, kind: 'class' }
  }
  if (ts.isIdentifier(target) && /^[A-Z]/.test(target.text)) return undefined // a class's static member
  const owner = inf.of(node.expression, depth + 1)
  // `PostFactory.with(...).factory`: a factory builder's factory, of the same model.
  if (name === 'factory' && owner?.kind === 'factory') return owner
  if (owner?.kind !== 'instance') return undefined
  const relation = owner.model.relations.get(name)
  if (!relation) return undefined
  return inf.relatedRef(owner, name, MANY_RELATIONS.has(relation.fact.kind) ? 'instances' : 'instance')
}

/**
 * `const [first] = await Movie.query()`, `const [user, posts] = await Promise.all([...])`, the row of
 * `for (const [i, post] of posts.entries())`.
 */
export function bindingRef(
  inf: ModelInference,
  decl: TS.BindingElement,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  const pattern = decl.parent
  const holder = pattern.parent
  if (ts.isArrayBindingPattern(pattern) && ts.isVariableDeclaration(holder) && !decl.dotDotDotToken)
    if (ts.isForOfStatement(holder.parent.parent))
      return entryRef(inf, holder.parent.parent, pattern, decl, depth)
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || decl.dotDotDotToken) return undefined
  if (ts.isObjectBindingPattern(pattern)) {
    const key = decl.propertyName ?? decl.name
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined
    return (
      defaultImportRef(inf, decl, holder.initializer) ??
      (name === undefined ? undefined : objectMemberRef(inf, holder.initializer, name, depth))
    )
  }
  const position = pattern.elements.indexOf(decl)
  const init = skipOuter(ts, holder.initializer)
  if (
    ts.isCallExpression(init) &&
    ts.isPropertyAccessExpression(init.expression) &&
    ts.isIdentifier(init.expression.expression) &&
    init.expression.expression.text === 'Promise' &&
    init.expression.name.text === 'all'
  ) {
    const list = init.arguments[0] && skipOuter(ts, init.arguments[0])
    if (!list || !ts.isArrayLiteralExpression(list)) return undefined
    // A spread before the element moves it to a position the syntax cannot tell.
    const before = list.elements.slice(0, position + 1)
    const item = list.elements[position]
    return item && !before.some((e) => ts.isSpreadElement(e)) ? inf.of(item, depth + 1) : undefined
  }
  const items = inf.of(holder.initializer, depth + 1)
  return items?.kind === 'instances' ? { model: items.model, kind: 'instance' } : undefined
}

/** `for (const [i, post] of posts.entries())`: the second of each pair is a row. */
function entryRef(
  inf: ModelInference,
  loop: TS.ForOfStatement,
  pattern: TS.ArrayBindingPattern,
  decl: TS.BindingElement,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  const call = skipOuter(ts, loop.expression)
  if (pattern.elements.indexOf(decl) !== 1 || !ts.isCallExpression(call)) return undefined
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'entries')
    return undefined
  if (call.arguments.length > 0) return undefined
  const rows = inf.of(call.expression.expression, depth + 1)
  return rows?.kind === 'instances' ? { model: rows.model, kind: 'instance' } : undefined
}

/** `const { default: Movie } = await import('#models/movie')`. */
function defaultImportRef(
  inf: ModelInference,
  decl: TS.BindingElement,
  init: TS.Expression,
): ModelRef | undefined {
  const ts = inf.index.ts
  const key = decl.propertyName ?? decl.name
  const call = skipOuter(ts, init)
  if (!ts.isIdentifier(key) || key.text !== 'default' || !ts.isCallExpression(call)) return undefined
  if (call.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined
  const model = defaultExportModel(inf.index, call)
  return model && { model, kind: 'class' }
}

/** Factory hooks: `after('create', (factory, row, ctx) => ...)`. */
const FACTORY_HOOKS = new Set(['before', 'after'])

/**
 * Callbacks given to a factory: `.with('posts', 3, (post) => ...)` receives the related model's
 * factory builder; `.after('create', (factory, row) => ...)` (and `before`) receives the row, the
 * factory's model; `.tap((row) => ...)` receives the row too.
 */
export function factoryCallbackRef(
  inf: ModelInference,
  factory: ModelRef,
  call: TS.CallExpression,
  fn: TS.ArrowFunction | TS.FunctionExpression,
  position: number,
): ModelRef | undefined {
  const method = (call.expression as TS.PropertyAccessExpression).name.text
  const last = call.arguments[call.arguments.length - 1]
  if (method === 'with' && position === 0 && last === fn && call.arguments.length > 1)
    return inf.relatedRef(factory, stringValue(inf.index.ts, call.arguments[0]) ?? '', 'factory')
  if (FACTORY_HOOKS.has(method) && position === 1 && call.arguments[1] === fn)
    return { model: factory.model, kind: 'instance' }
  if (method === 'tap' && position === 0 && call.arguments[0] === fn)
    return { model: factory.model, kind: 'instance' }
  return undefined
}

/** `static published = scope((query) => ...)` in a model: a query of that model. */
export function scopeRef(inf: ModelInference, call: TS.CallExpression): ModelRef | undefined {
  const ts = inf.index.ts
  const callee = call.expression as TS.Identifier
  const property = call.parent
  if (callee.text !== 'scope' || !ts.isPropertyDeclaration(property) || property.initializer !== call)
    return undefined
  if (!(ts.getModifiers(property) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return undefined
  const model = inf.index.modelOf(property.parent)
  return model && { model, kind: 'query' }
}

export function isAwaited(ts: TsModule, expr: TS.Expression): boolean {
  let node = expr
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression
  return ts.isAwaitExpression(node)
}

function symbolDeclaration(inf: ModelInference, node: TS.Node): TS.Declaration | undefined {
  return symbolAt(inf.index.checker, node)?.valueDeclaration
}

const hosts = new WeakMap<ModelIndex, Map<TS.ClassLikeDeclaration, LucidModel | null>>()

/**
 * `this` in the class of a mixin (`(superclass) => class extends superclass {...}`): the model that
 * composes it, when exactly one model of the program does (found by the relations and columns the
 * mixin declares). With two hosts, a name may exist on one and not the other: no answer.
 */
export function mixinHost(index: ModelIndex, cls: TS.ClassLikeDeclaration): LucidModel | undefined {
  let byClass = hosts.get(index)
  if (!byClass) hosts.set(index, (byClass = new Map()))
  if (!byClass.has(cls)) byClass.set(cls, findHost(index, cls) ?? null)
  return byClass.get(cls) ?? undefined
}

function findHost(index: ModelIndex, cls: TS.ClassLikeDeclaration): LucidModel | undefined {
  const facts = fileFacts(index.ts, cls.getSourceFile()).classByNode.get(cls)
  if (!facts || (facts.relations.length === 0 && facts.columns.length === 0)) return undefined
  const found = index
    .allModels()
    .filter(
      (m) =>
        [...m.relations.values()].some((r) => r.declaredBy === facts) ||
        [...m.columns.values()].some((c) => c.declaredBy === facts),
    )
  return found.length === 1 ? found[0] : undefined
}
