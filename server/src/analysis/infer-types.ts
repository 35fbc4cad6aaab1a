// Which model a type stands for, read two ways: a type as written (`User`, `typeof User`, `User[]`,
// `ModelQueryBuilderContract<typeof User>`, `HasManyClientContract<..., typeof Post>`), and the
// checker's type of an expression when the syntax cannot say (a destructured parameter, a field of
// an interface, `(await import('#models/user')).default`). The checker's answer is used only when
// it names a model class itself: `any` and error types (Lucid not installed) answer nothing.
import type * as TS from 'typescript'
import type { ModelIndex } from './model-index'
import type { ModelRef } from './infer'
import { resolveName } from './resolve'

/** Lucid's query builder types whose first type argument is the model queried. */
const QUERY_TYPES = new Set([
  'ModelQueryBuilderContract',
  'RelationQueryBuilderContract',
  'HasManyQueryBuilderContract',
  'HasOneQueryBuilderContract',
  'BelongsToQueryBuilderContract',
  'ManyToManyQueryBuilderContract',
  'HasManyThroughQueryBuilderContract',
  'RelationSubQueryBuilderContract',
  'ManyToManySubQueryBuilderContract',
])
/** Lucid's relation client types (`user.related('posts')`): the related model is the second argument. */
const CLIENT_TYPES = new Set([
  'HasManyClientContract',
  'HasOneClientContract',
  'BelongsToClientContract',
  'ManyToManyClientContract',
  'HasManyThroughClientContract',
])

/** Type parameters of generic base classes, bound by the type arguments of a subclass's `extends`. */
export type Bindings = ReadonlyMap<TS.Node, TS.TypeNode>

export function refOfTypeNode(
  index: ModelIndex,
  type: TS.TypeNode,
  bindings?: Bindings,
  aliasHops = 0,
): ModelRef | undefined {
  const ts = index.ts
  if (ts.isParenthesizedTypeNode(type)) return refOfTypeNode(index, type.type, bindings, aliasHops)
  if (ts.isUnionTypeNode(type)) {
    const real = type.types.filter(
      (t) =>
        !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
        t.kind !== ts.SyntaxKind.UndefinedKeyword,
    )
    return real.length === 1 && real[0] ? refOfTypeNode(index, real[0], bindings) : undefined
  }
  if (ts.isArrayTypeNode(type)) {
    const item = refOfTypeNode(index, type.elementType, bindings)
    return item?.kind === 'instance' ? { model: item.model, kind: 'instances' } : undefined
  }
  if (ts.isTypeQueryNode(type)) {
    const model = index.modelOfExpression(type.exprName)
    return model && { model, kind: 'class' }
  }
  if (!ts.isTypeReferenceNode(type)) return undefined
  const bound = bindings && boundType(index, type, bindings)
  if (bound) return refOfTypeNode(index, bound, bindings)
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text
  const args = type.typeArguments ?? []
  if (QUERY_TYPES.has(name) || CLIENT_TYPES.has(name)) {
    const arg = QUERY_TYPES.has(name) ? args[0] : args[1]
    const target = arg && refOfTypeNode(index, arg, bindings)
    if (target?.kind !== 'class') return undefined
    return { model: target.model, kind: QUERY_TYPES.has(name) ? 'query' : 'relation' }
  }
  if (name === 'PreloaderContract' && args[0]) {
    const row = refOfTypeNode(index, args[0], bindings)
    return row?.kind === 'instance' ? { model: row.model, kind: 'preloader' } : undefined
  }
  if (name === 'InstanceType' && args[0]) {
    const cls = refOfTypeNode(index, args[0], bindings)
    return cls?.kind === 'class' ? { model: cls.model, kind: 'instance' } : undefined
  }
  if ((name === 'Promise' || name === 'Array' || name === 'ReadonlyArray') && args[0]) {
    const inner = refOfTypeNode(index, args[0], bindings)
    if (name === 'Promise') return inner
    return inner?.kind === 'instance' ? { model: inner.model, kind: 'instances' } : undefined
  }
  const model = index.modelOfExpression(type.typeName)
  if (model) return { model, kind: 'instance' }
  // `type OrgQuery = ModelQueryBuilderContract<typeof Organization>`: what the alias stands for.
  const alias = aliasHops < MAX_ALIAS_HOPS ? aliasOf(index, type, bindings) : undefined
  return alias && refOfTypeNode(index, alias.type, alias.bindings, aliasHops + 1)
}

const MAX_ALIAS_HOPS = 4

/** An app's type alias named by the reference, its type parameters bound to the arguments given. */
function aliasOf(
  index: ModelIndex,
  type: TS.TypeReferenceNode,
  bindings: Bindings | undefined,
): { type: TS.TypeNode; bindings: Bindings | undefined } | undefined {
  const ts = index.ts
  const resolution = resolveName(ts, index.checker, type.typeName)
  const decl = resolution.kind === 'declaration' ? resolution.declaration : undefined
  if (!decl || !ts.isTypeAliasDeclaration(decl)) return undefined
  if (/[\\/]node_modules[\\/]/.test(decl.getSourceFile().fileName)) return undefined
  const params = decl.typeParameters ?? []
  if (params.length === 0) return { type: decl.type, bindings }
  const bound = new Map(bindings ?? [])
  params.forEach((param, i) => {
    const arg = type.typeArguments?.[i] ?? param.default
    if (arg) bound.set(param, arg)
  })
  return { type: decl.type, bindings: bound }
}

/** The checker's type of `node`, when it is a model class, an instance of one, or an array of instances. */
export function refOfCheckerType(index: ModelIndex, node: TS.Node): ModelRef | undefined {
  let type: TS.Type
  try {
    type = index.checker.getTypeAtLocation(node)
  } catch {
    return undefined
  }
  return refOfType(index, type, 0)
}

function refOfType(index: ModelIndex, type: TS.Type, depth: number): ModelRef | undefined {
  const ts = index.ts
  const checker = index.checker
  if (depth > 2 || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined
  if (type.isUnion()) {
    const real = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    return real.length === 1 && real[0] ? refOfType(index, real[0], depth) : undefined
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const args = checker.getTypeArguments(type as TS.TypeReference)
    if (!checker.isArrayType(type) || !args[0]) return undefined
    const item = refOfType(index, args[0], depth + 1)
    return item?.kind === 'instance' ? { model: item.model, kind: 'instances' } : undefined
  }
  const symbol = type.getSymbol()
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Class)) return undefined
  const decl = symbol.valueDeclaration
  if (!decl || !(ts.isClassDeclaration(decl) || ts.isClassExpression(decl))) return undefined
  const model = index.modelOf(decl)
  if (!model) return undefined
  // The class's own instance type, or `typeof` the class (a subclass's type has its own symbol).
  if (checker.getDeclaredTypeOfSymbol(symbol) === type) return { model, kind: 'instance' }
  if (checker.getTypeOfSymbol(symbol) === type) return { model, kind: 'class' }
  return undefined
}

function boundType(
  index: ModelIndex,
  type: TS.TypeReferenceNode,
  bindings: Bindings,
): TS.TypeNode | undefined {
  try {
    const decl = index.checker.getSymbolAtLocation(type.typeName)?.declarations?.[0]
    return decl && index.ts.isTypeParameterDeclaration(decl) ? bindings.get(decl) : undefined
  } catch {
    return undefined
  }
}

/**
 * `class PostBuilder extends BaseBuilder<typeof Post, Post>`: seen from `from`, the type parameters
 * of each generic base class up to `to`, bound to the type arguments written in the `extends`
 * clauses. Undefined when `to` is not a base of `from` the syntax can follow.
 */
export function heritageBindings(
  index: ModelIndex,
  from: TS.ClassLikeDeclaration,
  to: TS.ClassLikeDeclaration,
): Bindings | undefined {
  const ts = index.ts
  const map = new Map<TS.Node, TS.TypeNode>()
  let current = from
  for (let depth = 0; current !== to; depth++) {
    const clause = current.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
    const base = clause?.types[0]
    if (!base || depth > 8) return undefined
    const resolution = resolveName(ts, index.checker, base.expression)
    const decl = resolution.kind === 'declaration' ? resolution.declaration : undefined
    if (!decl || !(ts.isClassDeclaration(decl) || ts.isClassExpression(decl))) return undefined
    const args = base.typeArguments ?? []
    decl.typeParameters?.forEach((param, i) => {
      const arg = args[i] ?? param.default
      if (arg) map.set(param, arg)
    })
    current = decl
  }
  return map
}
