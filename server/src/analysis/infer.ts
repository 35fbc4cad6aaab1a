// Which model an expression stands for: `User`, `await User.findOrFail(1)`, `user` (a variable or a
// typed parameter), `User.query().where(...)`, `user.related('posts')`, the `q` of a preload
// callback, `this` in a model method. Syntax first; the type checker's types as a last resort.
import type * as TS from 'typescript'
import { RELATION_NAME_METHODS } from './file-facts'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { memberName, skipOuter, stringValue } from './syntax'

export type ModelRefKind = 'class' | 'instance' | 'instances' | 'query' | 'relation'

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
const MAX_DEPTH = 24

export class ModelInference {
  private readonly ts
  constructor(private readonly index: ModelIndex) {
    this.ts = index.ts
  }

  of(expr: TS.Expression, depth = 0): ModelRef | undefined {
    if (depth > MAX_DEPTH) return undefined
    const node = skipOuter(this.ts, expr)
    const ts = this.ts
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
    const receiver = this.of(access.expression, depth + 1)
    if (!receiver) return undefined
    const { model } = receiver
    switch (receiver.kind) {
      case 'class':
        if (method === 'query') return { model, kind: 'query' }
        if (STATIC_ONE.has(method)) return { model, kind: 'instance' }
        return STATIC_MANY.has(method) ? { model, kind: 'instances' } : undefined
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
        return method === 'find' ? { model, kind: 'instance' } : method === 'filter' ? receiver : undefined
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
        const model = this.index.modelOf(current)
        return model && { model, kind: isStatic ? 'class' : 'instance' }
      }
      if (this.ts.isFunctionDeclaration(current) || this.ts.isFunctionExpression(current)) return undefined
      current = current.parent
    }
    return undefined
  }

  private ofName(node: TS.Identifier | TS.PropertyAccessExpression, depth: number): ModelRef | undefined {
    const model = this.index.modelOfExpression(node)
    if (model) return { model, kind: 'class' }
    const symbol = safe(() => this.index.checker.getSymbolAtLocation(node))
    const decl = symbol?.valueDeclaration
    if (decl && this.ts.isVariableDeclaration(decl)) {
      return this.ofVariable(decl, depth)
    }
    return decl && this.ts.isParameter(decl) ? this.ofParameter(decl, depth) : undefined
  }

  private ofVariable(decl: TS.VariableDeclaration, depth: number): ModelRef | undefined {
    if (decl.type) return this.ofTypeNode(decl.type)
    const loop = decl.parent.parent
    if (this.ts.isForOfStatement(loop) && this.ts.isIdentifier(decl.name)) {
      const items = this.of(loop.expression, depth + 1)
      return items?.kind === 'instances' ? { model: items.model, kind: 'instance' } : undefined
    }
    if (!decl.initializer) return undefined
    const init = skipOuter(this.ts, decl.initializer)
    return (
      this.of(init, depth + 1) ?? (this.ts.isCallExpression(init) ? this.ofDeclaredReturn(init) : undefined)
    )
  }

  private ofParameter(param: TS.ParameterDeclaration, depth: number): ModelRef | undefined {
    if (param.type) return this.ofTypeNode(param.type)
    const fn = param.parent
    if (!this.ts.isArrowFunction(fn) && !this.ts.isFunctionExpression(fn)) return undefined
    if (fn.parameters[0] !== param) return undefined
    const holder = fn.parent
    if (this.ts.isPropertyAssignment(holder) && memberName(this.ts, holder.name) === 'onQuery')
      return this.ofOnQuery(holder)
    if (!this.ts.isCallExpression(holder) || !this.ts.isPropertyAccessExpression(holder.expression))
      return undefined
    const method = holder.expression.name.text
    const receiver = this.of(holder.expression.expression, depth + 1)
    const name = stringValue(this.ts, holder.arguments[0])
    if (RELATION_NAME_METHODS.has(method) && name !== undefined && holder.arguments[1] === fn) {
      return this.relatedRef(receiver, name, 'query')
    }
    if (holder.arguments[0] === fn && receiver?.kind === 'query') return receiver // where((q) => ...)
    if (holder.arguments[0] === fn && receiver?.kind === 'instances' && ARRAY_CALLBACKS.has(method)) {
      return { model: receiver.model, kind: 'instance' }
    }
    return undefined
  }

  /** `onQuery: (query) => ...` in a relation decorator: a query of the related model. */
  private ofOnQuery(holder: TS.PropertyAssignment): ModelRef | undefined {
    const decorator = this.ts.findAncestor(holder, this.ts.isDecorator)
    const cls = decorator && this.ts.findAncestor(decorator, this.ts.isClassLike)
    const model = cls && this.index.modelOf(cls)
    const relation = model?.facts.relations.find((r) => r.decorator === decorator)
    if (!relation) return undefined
    const related = this.index.relatedModel(relation)
    return related.kind === 'model' ? { model: related.model, kind: 'query' } : undefined
  }

  private ofTypeNode(type: TS.TypeNode): ModelRef | undefined {
    const ts = this.ts
    if (ts.isUnionTypeNode(type)) {
      const real = type.types.filter(
        (t) =>
          !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
          t.kind !== ts.SyntaxKind.UndefinedKeyword,
      )
      return real.length === 1 && real[0] ? this.ofTypeNode(real[0]) : undefined
    }
    if (ts.isArrayTypeNode(type)) {
      const item = this.ofTypeNode(type.elementType)
      return item?.kind === 'instance' ? { model: item.model, kind: 'instances' } : undefined
    }
    if (ts.isTypeQueryNode(type)) {
      const model = this.index.modelOfExpression(type.exprName)
      return model && { model, kind: 'class' }
    }
    if (ts.isTypeReferenceNode(type)) {
      const model = this.index.modelOfExpression(type.typeName)
      return model && { model, kind: 'instance' }
    }
    return undefined
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
    let type = decl.type
    if (
      this.ts.isTypeReferenceNode(type) &&
      this.ts.isIdentifier(type.typeName) &&
      type.typeName.text === 'Promise'
    ) {
      const inner = type.typeArguments?.[0]
      if (!inner) return undefined
      type = inner
    }
    return this.ofTypeNode(type)
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
