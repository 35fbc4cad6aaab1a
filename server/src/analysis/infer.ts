// Which model an expression stands for: `User`, `await User.findOrFail(1)`, `user` (a variable or a
// typed parameter), `User.query().where(...)`, `user.related('posts')`, the `q` of a preload
// callback, the `loader` of `user.load((loader) => ...)`, `this` in a model method, what a method of
// an app's repository or service returns. Syntax first; the type checker's types as a last resort.
import type * as TS from 'typescript'
import { resolveStatically } from './static-resolve'
import { AUTH_USER_METHODS, authUserModel, isAuthExpression } from './auth-user'
import { bindingRef, isAwaited, mixinHost, propertyRef, staticMethodRef } from './infer-follow'
import { agreedRef, branchesRef } from './infer-branches'
import { heritageBindings, refOfCheckerType, refOfTypeNode, type Bindings } from './infer-types'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { parameterRef } from './infer-parameters'
import { transactionRef } from './infer-transaction'
import { variableRef } from './infer-variables'
import { symbolAt } from './resolve'
import { returnedExpressions, skipOuter, stringValue } from './syntax'

/**
 * `preloader`: the argument of `user.load((loader) => ...)`, whose `load`/`preload` name relations.
 * `aggregates`: what `user.loadCount('posts')` returns, whose `loadCount`/`loadAggregate` chain on.
 */
export type ModelRefKind =
  'class' | 'instance' | 'instances' | 'query' | 'relation' | 'factory' | 'preloader' | 'aggregates'

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
/** Instance methods that start a chain of aggregates: `user.loadCount('posts').loadCount('likes')`. */
const AGGREGATES = new Set(['loadCount', 'loadAggregate'])
/** Preloader methods (`loader.load('posts').preload('comments')`) that return the preloader. */
const PRELOADER_SELF = new Set(['load', 'preload', 'preloadOnce', 'sideload'])
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
  'before',
  'after',
])
const FACTORY_ONE = new Set(['create', 'make', 'makeStubbed'])
const FACTORY_MANY = new Set(['createMany', 'makeMany', 'makeStubbedMany'])
const MAX_DEPTH = 24

export class ModelInference {
  private readonly ts
  /** While reading a method's returns: `this` in class `base` is an instance of its subclass `sub`. */
  private thisClass: { base: TS.ClassLikeDeclaration; sub: TS.ClassLikeDeclaration } | undefined
  /** The `let` declarations whose assignments are being read, with the value each is assumed to have. */
  private readonly following = new Map<TS.Node, ModelRef | undefined>()
  constructor(readonly index: ModelIndex) {
    this.ts = index.ts
  }

  of(expr: TS.Expression, depth = 0): ModelRef | undefined {
    const ref = this.ofInner(expr, depth)
    if (!ref || !isAwaited(this.ts, expr)) return ref
    // `await Movie.query()` runs the query: its rows. `await user.loadCount(...)` gives nothing.
    if (ref.kind === 'query') return { model: ref.model, kind: 'instances' }
    return ref.kind === 'aggregates' ? undefined : ref
  }

  private ofInner(expr: TS.Expression, depth: number): ModelRef | undefined {
    if (depth > MAX_DEPTH) return undefined
    const node = skipOuter(this.ts, expr)
    const ts = this.ts
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) return this.declaredReturn(node)
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
      return this.ofCall(node, depth)
    if (node.kind === ts.SyntaxKind.ThisKeyword) return this.ofThis(node)
    if (ts.isElementAccessExpression(node)) {
      const arr = this.of(node.expression, depth + 1)
      return arr?.kind === 'instances' ? { model: arr.model, kind: 'instance' } : undefined
    }
    if (ts.isNewExpression(node)) {
      // `new Ticket()`, also where `Ticket` is a name the inference follows (a dynamic import).
      const cls = this.of(node.expression, depth + 1)
      return cls?.kind === 'class' ? { model: cls.model, kind: 'instance' } : undefined
    }
    if (ts.isConditionalExpression(node) || ts.isBinaryExpression(node)) return branchesRef(this, node, depth)
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
    const transaction = method === 'transaction' ? transactionRef(this, node, depth) : undefined
    if (transaction) return transaction
    const receiver = this.of(access.expression, depth + 1)
    if (!receiver) return this.ofInheritedMethod(access, depth) ?? refOfCheckerType(this.index, node)
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
        if (AGGREGATES.has(method)) return { model, kind: 'aggregates' }
        return INSTANCE_SELF.has(method) ? receiver : undefined
      case 'aggregates':
        return AGGREGATES.has(method) ? receiver : undefined
      case 'relation':
        if (method === 'query') return { model, kind: 'query' }
        if (STATIC_ONE.has(method)) return { model, kind: 'instance' }
        return STATIC_MANY.has(method) ? { model, kind: 'instances' } : undefined
      case 'query':
        if (QUERY_ONE.has(method)) return { model, kind: 'instance' }
        return QUERY_MANY.has(method) ? { model, kind: 'instances' } : receiver
      case 'instances':
        if (method === 'find' || method === 'at') return { model, kind: 'instance' }
        return method === 'filter' || method === 'all' ? receiver : undefined // all(): a paginator's rows
      case 'preloader':
        return PRELOADER_SELF.has(method) ? receiver : undefined
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
    // A model class named in the open (`Post.query()`): read off the imports, no checker needed.
    const known = resolveStatically(ts, this.index.program, node)
    const knownModel = known && this.index.modelOfResolution(known)
    if (knownModel) return { model: knownModel, kind: 'class' }
    // A variable or parameter of this file (`const user = ...`, `(post) => ...`): its declaration.
    const own = known?.kind === 'declaration' && known.module === undefined ? known.declaration : undefined
    let symbol = own ? undefined : symbolAt(this.index.checker, node)
    const model = symbol && this.index.modelOfSymbol(symbol)
    if (model) return { model, kind: 'class' }
    if (ts.isPropertyAccessExpression(node)) {
      const special = propertyRef(this, node, depth)
      if (special) return special
    }
    // `{ user }` in an object literal: the variable it reads, not the literal's member.
    const parent = node.parent
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === node)
      symbol = safe(() => this.index.checker.getShorthandAssignmentValueSymbol(parent))
    if (symbol && symbol.flags & ts.SymbolFlags.Alias)
      symbol = safe(() => this.index.checker.getAliasedSymbol(symbol!))
    const decl = this.overriding(node, own ?? symbol?.valueDeclaration)
    let ref: ModelRef | undefined
    if (decl && ts.isVariableDeclaration(decl)) ref = variableRef(this, decl, depth, this.following, node)
    else if (decl && ts.isParameterPropertyDeclaration(decl, decl.parent) && decl.type)
      // `constructor(public model: T)`: a field, typed as a property declaration is.
      ref = refOfTypeNode(this.index, decl.type, this.thisBindings(node, decl.parent.parent))
    else if (decl && ts.isParameter(decl)) ref = parameterRef(this, decl, depth)
    else if (decl && ts.isBindingElement(decl)) ref = bindingRef(this, decl, depth)
    else if (decl && ts.isPropertyDeclaration(decl))
      ref = decl.type
        ? refOfTypeNode(this.index, decl.type, this.thisBindings(node, decl.parent))
        : decl.initializer && this.of(decl.initializer, depth + 1)
    return ref ?? refOfCheckerType(this.index, node)
  }

  /**
   * `this.repo.findOrFail(id)` where `repo: BlogRepository`, a class of the app (not a model): what
   * the method returns, read from its declared return type or else from its return statements. In
   * a generic base (`BlogRepository extends BaseRepository<typeof Blog>`), the type parameters take
   * the arguments the receiver's class gives them, and `this.model: T` in the method body reads as
   * `typeof Blog`. Every return statement must name the same model and kind.
   */
  private ofInheritedMethod(access: TS.PropertyAccessExpression, depth: number): ModelRef | undefined {
    const ts = this.ts
    const symbol = symbolAt(this.index.checker, access.name)
    const method = this.overriding(access, symbol?.valueDeclaration)
    if (!method || !ts.isMethodDeclaration(method) || !ts.isClassLike(method.parent)) return undefined
    if (this.index.modelOf(method.parent)) return undefined // a model's methods: see staticMethodRef
    const owner = this.classOfReceiver(access.expression) ?? method.parent
    const bindings = owner === method.parent ? undefined : heritageBindings(this.index, owner, method.parent)
    if (owner !== method.parent && !bindings) return undefined
    if (method.type) return refOfTypeNode(this.index, method.type, bindings)
    const returned = returnedExpressions(ts, method)
    if (returned.length === 0) return undefined
    const outer = this.thisClass
    this.thisClass = { base: method.parent, sub: owner }
    try {
      return agreedRef(this, returned, depth)
    } finally {
      this.thisClass = outer
    }
  }

  /**
   * `this.model` in a base class's method read for a subclass: the member the subclass declares
   * under that name when it overrides the base's (the checker alone answers with the base's).
   */
  private overriding(node: TS.Node, decl: TS.Declaration | undefined): TS.Declaration | undefined {
    const ts = this.ts
    const sub = this.thisClass?.sub
    if (!decl || !sub || !ts.isPropertyAccessExpression(node)) return decl
    if (node.expression.kind !== ts.SyntaxKind.ThisKeyword) return decl
    if (ts.findAncestor(decl, ts.isClassLike) !== this.thisClass?.base) return decl
    const cls = sub.name && symbolAt(this.index.checker, sub.name)
    if (!cls) return undefined
    const member = this.index.checker.getDeclaredTypeOfSymbol(cls).getProperty(node.name.text)
    return member ? member.valueDeclaration : decl
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
      return current && current === this.thisClass?.base ? this.thisClass.sub : current
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
    if (!ts.isPropertyAccessExpression(node) || !ts.isClassLike(owner) || !owner.typeParameters)
      return undefined
    const isThis = node.expression.kind === ts.SyntaxKind.ThisKeyword
    // `this.published().withCount().query`: methods returning `this` keep the class of `this`.
    const chained = !isThis && this.thisTypeClass(node.expression)
    if (!isThis && !chained) return undefined
    let current: TS.Node | undefined = node.parent
    while (current && !ts.isClassLike(current)) {
      if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined
      current = current.parent
    }
    if (chained && chained !== current) return undefined
    const from = current && current === this.thisClass?.base ? this.thisClass.sub : current
    return from && from !== owner ? heritageBindings(this.index, from, owner) : undefined
  }

  /** The class whose polymorphic `this` type the checker gives `expr`, if it gives one. */
  private thisTypeClass(expr: TS.Expression): TS.ClassLikeDeclaration | undefined {
    const ts = this.ts
    const type = safe(() => this.index.checker.getTypeAtLocation(expr))
    const symbol = type?.getSymbol()
    const decl = symbol?.valueDeclaration
    if (!type || !symbol || !decl || !ts.isClassLike(decl) || !(type.flags & ts.TypeFlags.TypeParameter))
      return undefined
    const declared = this.index.checker.getDeclaredTypeOfSymbol(symbol) as TS.InterfaceType
    return declared.thisType === type ? decl : undefined
  }

  /**
   * `await findUser(id)` or `await this.users.find(id)`: the callee's declared return type, with
   * `Promise<...>` unwrapped. Types are read as written: the checker's inferred types would need
   * Lucid's declarations and cost far more than this analysis is allowed to.
   */
  declaredReturn(call: TS.CallExpression): ModelRef | undefined {
    const symbol = symbolAt(this.index.checker, call.expression)
    const target =
      symbol && symbol.flags & this.ts.SymbolFlags.Alias
        ? this.index.checker.getAliasedSymbol(symbol)
        : symbol
    let decl: TS.Node | undefined = target?.valueDeclaration
    if (decl && this.ts.isVariableDeclaration(decl)) decl = decl.initializer
    // `const { createUser } = helpers()`: the function the checker finds behind the name.
    if (decl && this.ts.isBindingElement(decl)) decl = this.onlySignature(call.expression)
    if (!decl || !this.ts.isFunctionLike(decl) || !decl.type) return undefined
    return refOfTypeNode(this.index, decl.type) // Promise<...> unwrapped there
  }

  /** The declaration of the one call signature of `callee`'s type (none when it is overloaded). */
  private onlySignature(callee: TS.Expression): TS.Node | undefined {
    const type = safe(() => this.index.checker.getTypeAtLocation(callee))
    const signatures = type?.getCallSignatures() ?? []
    return signatures.length === 1 ? signatures[0]?.declaration : undefined
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
