// Which model an expression stands for: `User`, `await User.findOrFail(1)`, `user` (a variable or a
// typed parameter), `User.query().where(...)`, `user.related('posts')`, the `q` of a preload
// callback, `this` in a model method. Syntax first; the type checker's types as a last resort.
import type * as TS from 'typescript'
import { AUTH_USER_METHODS, authUserModel, isAuthExpression } from './auth-user'
import { RELATION_NAME_METHODS } from './file-facts'
import { bindingRef, isAwaited, mixinHost, propertyRef, scopeRef, staticMethodRef } from './infer-follow'
import { heritageBindings, refOfCheckerType, refOfTypeNode, type Bindings } from './infer-types'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { memberName, skipOuter, stringValue } from './syntax'

export type ModelRefKind = 'class' | 'instance' | 'instances' | 'query' | 'relation' | 'factory'

export interface ModelRef {
  model: LucidModel
  kind: ModelRefKind
}

const STATIC_ONE = new Set([
  'find',
  'findOrFail',
  'findBy',
  'findByOrFail',
  'first',
  'firstOrFail',
  'create',
  'firstOrCreate',
  'updateOrCreate',
  'findOrNew',
])
const STATIC_MANY = new Set([
  'findMany',
  'findManyBy',
  'all',
  'createMany',
  'fetchOrCreateMany',
  'updateOrCreateMany',
  'fetchOrNewUpMany',
])
const QUERY_ONE = new Set(['first', 'firstOrFail'])
const QUERY_MANY = new Set(['exec', 'paginate'])
const INSTANCE_SELF = new Set(['save', 'refresh', 'merge', 'fill', 'useTransaction', 'useConnection'])
const ARRAY_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap'])
/** Query builder methods whose callbacks receive the same builder: `.if(cond, (q) => ...)`. */
const CONDITIONAL = new Set(['if', 'unless', 'match'])
/** Factory builder methods (`UserFactory.with(...).merge(...)`) that return the builder. */
const FACTORY_SELF = new Set([
  'build',
  'with',
  'merge',
  'state',
  'apply',
  'client',
  'connection',
  'tap',
  'relation',
  'pivotAttributes',
  'mergeRecursive',
])
const FACTORY_ONE = new Set(['create', 'make', 'makeStubbed'])
const FACTORY_MANY = new Set(['createMany', 'makeMany', 'makeStubbedMany'])
const MAX_DEPTH = 24

export class ModelInference {
  private readonly ts
  constructor(readonly index: ModelIndex) {
    this.ts = index.ts
  }

  of(expr: TS.Expression, depth = 0): ModelRef | undefined {
    const ref = this.ofInner(expr, depth)
    // `await Movie.query()` runs the query: its rows.
    return ref?.kind === 'query' && isAwaited(this.ts, expr) ? { model: ref.model, kind: 'instances' } : ref
  }

  private ofInner(expr: TS.Expression, depth: number): ModelRef | undefined {
    if (depth > MAX_DEPTH) return undefined
    const node = skipOuter(this.ts, expr)
    const ts = this.ts
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) return this.ofDeclaredReturn(node)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
      return this.ofCall(node, depth)
    if (node.kind === ts.SyntaxKind.ThisKeyword) return this.ofThis(node)
    if (ts.isElementAccessExpression(node)) {
      const arr = this.of(node.expression, depth + 1)
      return arr?.kind === 'instances' ? { model: arr.model, kind: 'instance' } : undefined
    }
    if (ts.isNewExpression(node)) {
      const model = this.index.modelOfExpression(node.expression)
      return model && { model, kind: 'instance' }
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return this.ofName(node, depth)
    return undefined
  }

  /** The related model of `relation` on the model of `ref`, for `related(name)` and callbacks. */
  relatedRef(ref: ModelRef | undefined, relation: string, kind: ModelRefKind): ModelRef | undefined {
    const rel = ref?.model.relations.get(relation)
    if (!rel) return undefined
    const related = this.index.relatedModel(rel.fact)
    return related.kind === 'model' ? { model: related.model, kind } : undefined
  }

  private ofCall(node: TS.CallExpression, depth: number): ModelRef | undefined {
    const access = node.expression as TS.PropertyAccessExpression
    const method = access.name.text
    if (
      method === 'define' &&
      this.ts.isIdentifier(access.expression) &&
      /^factory$/i.test(access.expression.text)
    ) {
      const defined = node.arguments[0] && this.index.modelOfExpression(node.arguments[0])
      return defined && { model: defined, kind: 'factory' }
    }
    if (AUTH_USER_METHODS.has(method) && isAuthExpression(this.index, access.expression)) {
      const user = authUserModel(this.index)
      return user && { model: user, kind: 'instance' }
    }
    const receiver = this.of(access.expression, depth + 1)
    if (!receiver) return this.ofInheritedMethod(access) ?? refOfCheckerType(this.index, node)
    const { model } = receiver
    switch (receiver.kind) {
      case 'class':
        if (method === 'query') return { model, kind: 'query' }
        if (STATIC_ONE.has(method)) return { model, kind: 'instance' }
        if (STATIC_MANY.has(method)) return { model, kind: 'instances' }
        return staticMethodRef(this, receiver, access, depth)
      case 'factory':
        if (FACTORY_ONE.has(method)) return { model, kind: 'instance' }
        if (FACTORY_MANY.has(method)) return { model, kind: 'instances' }
        return FACTORY_SELF.has(method) ? receiver : undefined
      case 'instance':
        if (method === 'related')
          return this.relatedRef(receiver, stringValue(this.ts, node.arguments[0]) ?? '', 'relation')
        return INSTANCE_SELF.has(method) ? receiver : undefined
      case 'relation':
        if (method === 'query') return { model, kind: 'query' }
        if (STATIC_ONE.has(method)) return { model, kind: 'instance' }
        return STATIC_MANY.has(method) ? { model, kind: 'instances' } : undefined
      case 'query':
        if (QUERY_ONE.has(method)) return { model, kind: 'instance' }
        return QUERY_MANY.has(method) ? { model, kind: 'instances' } : receiver
      case 'instances':
        if (method === 'find') return { model, kind: 'instance' }
        return method === 'filter' || method === 'all' ? receiver : undefined // all(): a paginator's rows
    }
  }

  private ofThis(node: TS.Node): ModelRef | undefined {
    let current: TS.Node | undefined = node.parent
    let isStatic = false
    while (current) {
      if (this.ts.isArrowFunction(current)) {
        current = current.parent
        continue
      }
      if (
        this.ts.isMethodDeclaration(current) ||
        this.ts.isPropertyDeclaration(current) ||
        this.ts.isAccessor(current)
      ) {
        isStatic = (this.ts.getModifiers(current) ?? []).some(
          (m) => m.kind === this.ts.SyntaxKind.StaticKeyword,
        )
      }
      if (this.ts.isClassLike(current)) {
        const model = this.index.modelOf(current) ?? mixinHost(this.index, current)
        return model && { model, kind: isStatic ? 'class' : 'instance' }
      }
      if (this.ts.isFunctionDeclaration(current) || this.ts.isFunctionExpression(current)) return undefined
      current = current.parent
    }
    return undefined
  }

  private ofName(node: TS.Identifier | TS.PropertyAccessExpression, depth: number): ModelRef | undefined {
    const ts = this.ts
    const model = this.index.modelOfExpression(node)
    if (model) return { model, kind: 'class' }
    if (ts.isPropertyAccessExpression(node)) {
      const special = propertyRef(this, node, depth)
      if (special) return special
    }
    let symbol = safe(() => this.index.checker.getSymbolAtLocation(node))
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = safe(() => this.index.checker.getAliasedSymbol(symbol!))
    const decl = symbol?.valueDeclaration
    let ref: ModelRef | undefined
    if (decl && ts.isVariableDeclaration(decl)) ref = this.ofVariable(decl, depth)
    else if (decl && ts.isParameter(decl)) ref = this.ofParameter(decl, depth)
    else if (decl && ts.isBindingElement(decl)) ref = bindingRef(this, decl, depth)
    else if (decl && ts.isPropertyDeclaration(decl))
      ref = decl.type
        ? refOfTypeNode(this.index, decl.type, this.thisBindings(node, decl.parent))
        : decl.initializer && this.of(decl.initializer, depth + 1)
    return ref ?? refOfCheckerType(this.index, node)
  }

  /**
   * `this.findByIdOrFail(id)` or `this.repo.findByIdOrFail(id)` where `repo: RoleRepository` and
   * `RoleRepository extends BaseRepository<typeof Role>`: the declared return type of a method of a
   * generic base class, with the type arguments the receiver's class gives it.
   */
  private ofInheritedMethod(access: TS.PropertyAccessExpression): ModelRef | undefined {
    const ts = this.ts
    const method = safe(() => this.index.checker.getSymbolAtLocation(access.name))?.valueDeclaration
    if (!method || !ts.isMethodDeclaration(method) || !method.type || !ts.isClassLike(method.parent))
      return undefined
    if (!method.parent.typeParameters) return undefined
    const owner = this.classOfReceiver(access.expression)
    const bindings = owner && owner !== method.parent && heritageBindings(this.index, owner, method.parent)
    return bindings ? refOfTypeNode(this.index, method.type, bindings) : undefined
  }

  /** The class `this` is written in, or the class a receiver's declared type names (not a model). */
  private classOfReceiver(expr: TS.Expression): TS.ClassLikeDeclaration | undefined {
    const ts = this.ts
    const node = skipOuter(ts, expr)
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      let current: TS.Node | undefined = node.parent
      while (current && !ts.isClassLike(current)) {
        if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined
        current = current.parent
      }
      return current
    }
    const type = safe(() => this.index.checker.getTypeAtLocation(node))
    const symbol = type?.getSymbol()
    const decl = symbol?.valueDeclaration
    if (!type || !symbol || !decl || !(ts.isClassDeclaration(decl) || ts.isClassExpression(decl)))
      return undefined
    return this.index.checker.getDeclaredTypeOfSymbol(symbol) === type ? decl : undefined
  }

  /** `this.query` declared in a generic base class: its type parameters as the class of `this` binds them. */
  private thisBindings(node: TS.Node, owner: TS.Node): Bindings | undefined {
    const ts = this.ts
    if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword)
      return undefined
    if (!ts.isClassLike(owner) || !owner.typeParameters) return undefined
    let current: TS.Node | undefined = node.parent
    while (current && !ts.isClassLike(current)) {
      if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined
      current = current.parent
    }
    return current && current !== owner ? heritageBindings(this.index, current, owner) : undefined
  }

  private ofVariable(decl: TS.VariableDeclaration, depth: number): ModelRef | undefined {
    if (decl.type) return refOfTypeNode(this.index, decl.type)
    const loop = decl.parent.parent
    if (this.ts.isForOfStatement(loop) && this.ts.isIdentifier(decl.name)) {
      const items = this.of(loop.expression, depth + 1)
      return items?.kind === 'instances' ? { model: items.model, kind: 'instance' } : undefined
    }
    if (!decl.initializer) return undefined
    const init = skipOuter(this.ts, decl.initializer)
    return (
      this.of(decl.initializer, depth + 1) ??
      (this.ts.isCallExpression(init) ? this.ofDeclaredReturn(init) : undefined)
    )
  }

  private ofParameter(param: TS.ParameterDeclaration, depth: number): ModelRef | undefined {
    if (param.type) return refOfTypeNode(this.index, param.type)
    const fn = param.parent
    // `onQuery(query) { ... }`, method syntax in the relation's options.
    if (this.ts.isMethodDeclaration(fn) && this.ts.isObjectLiteralExpression(fn.parent))
      return memberName(this.ts, fn.name) === 'onQuery' && fn.parameters[0] === param
        ? this.ofOnQuery(fn)
        : undefined
    if (!this.ts.isArrowFunction(fn) && !this.ts.isFunctionExpression(fn)) return undefined
    if (fn.parameters[0] !== param) return undefined
    let holder = fn.parent
    if (this.ts.isPropertyAssignment(holder) && memberName(this.ts, holder.name) === 'onQuery')
      return this.ofOnQuery(holder)
    if (this.ts.isCallExpression(holder) && this.ts.isIdentifier(holder.expression))
      return scopeRef(this, holder)
    // `.match([cond, (q) => ...], ...)`: the callback sits in an array argument.
    if (this.ts.isArrayLiteralExpression(holder) && this.ts.isCallExpression(holder.parent))
      holder = holder.parent
    if (!this.ts.isCallExpression(holder) || !this.ts.isPropertyAccessExpression(holder.expression))
      return undefined
    const method = holder.expression.name.text
    const receiver = this.of(holder.expression.expression, depth + 1)
    const name = stringValue(this.ts, holder.arguments[0])
    if (RELATION_NAME_METHODS.has(method) && name !== undefined && holder.arguments[1] === fn) {
      return this.relatedRef(receiver, name, 'query')
    }
    if (holder.arguments[0] === fn && receiver?.kind === 'query') return receiver // where((q) => ...)
    if (CONDITIONAL.has(method) && receiver?.kind === 'query') return receiver // if(cond, (q) => ...)
    if (holder.arguments[0] === fn && receiver?.kind === 'instances' && ARRAY_CALLBACKS.has(method)) {
      return { model: receiver.model, kind: 'instance' }
    }
    return undefined
  }

  /** `onQuery: (query) => ...` in a relation decorator: a query of the related model. */
  private ofOnQuery(holder: TS.PropertyAssignment | TS.MethodDeclaration): ModelRef | undefined {
    const decorator = this.ts.findAncestor(holder, this.ts.isDecorator)
    const cls = decorator && this.ts.findAncestor(decorator, this.ts.isClassLike)
    const model = cls && this.index.modelOf(cls)
    const relation = model?.facts.relations.find((r) => r.decorator === decorator)
    if (!relation) return undefined
    const related = this.index.relatedModel(relation)
    return related.kind === 'model' ? { model: related.model, kind: 'query' } : undefined
  }

  /**
   * `await findUser(id)` or `await this.users.find(id)`: the callee's declared return type, with
   * `Promise<...>` unwrapped. Types are read as written: the checker's inferred types would need
   * Lucid's declarations and cost far more than this analysis is allowed to.
   */
  private ofDeclaredReturn(call: TS.CallExpression): ModelRef | undefined {
    const symbol = safe(() => this.index.checker.getSymbolAtLocation(call.expression))
    const target =
      symbol && symbol.flags & this.ts.SymbolFlags.Alias
        ? this.index.checker.getAliasedSymbol(symbol)
        : symbol
    let decl: TS.Node | undefined = target?.valueDeclaration
    if (decl && this.ts.isVariableDeclaration(decl)) decl = decl.initializer
    if (!decl || !this.ts.isFunctionLike(decl) || !decl.type) return undefined
    return refOfTypeNode(this.index, decl.type) // Promise<...> unwrapped there
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
