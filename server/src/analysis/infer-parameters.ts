// What a callback's parameter stands for, read from the call that receives the callback: the query
// of `preload('posts', (q) => ...)` and of `onQuery`, the builder of `where((q) => ...)` and
// `.if(cond, (q) => ...)`, the preloader of `user.load((loader) => ...)`, the row of `rows.map((row)
// => ...)`, what a factory hands its callbacks, the query of a model's `scope((query) => ...)`.
import type * as TS from 'typescript'
import { RELATION_NAME_METHODS } from './file-facts'
import type { ModelInference, ModelRef } from './infer'
import { factoryCallbackRef, scopeRef } from './infer-follow'
import { refOfTypeNode } from './infer-types'
import { memberName, stringValue } from './syntax'

/** Instance methods that take `(preloader) => ...` as their only argument. */
const INSTANCE_PRELOAD = new Set(['load', 'preload'])
const ARRAY_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'some', 'every', 'flatMap'])
/** Query builder methods whose callbacks receive the same builder: `.if(cond, (q) => ...)`. */
const CONDITIONAL = new Set(['if', 'unless', 'match'])

export function parameterRef(
  inf: ModelInference,
  param: TS.ParameterDeclaration,
  depth: number,
): ModelRef | undefined {
  const ts = inf.index.ts
  // `(loader: any) => ...` says nothing: what the call passes is read as for an untyped parameter.
  if (param.type && param.type.kind !== ts.SyntaxKind.AnyKeyword) return refOfTypeNode(inf.index, param.type)
  const fn = param.parent
  // `onQuery(query) { ... }`, method syntax in the relation's options.
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent))
    return memberName(ts, fn.name) === 'onQuery' && fn.parameters[0] === param
      ? onQueryRef(inf, fn)
      : undefined
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined
  const position = fn.parameters.indexOf(param)
  if (position !== 0 && position !== 1) return undefined
  let holder = fn.parent
  if (position === 0 && ts.isPropertyAssignment(holder) && memberName(ts, holder.name) === 'onQuery')
    return onQueryRef(inf, holder)
  if (position === 0 && ts.isCallExpression(holder) && ts.isIdentifier(holder.expression))
    return scopeRef(inf, holder)
  // `.match([cond, (q) => ...], ...)`: the callback sits in an array argument.
  if (ts.isArrayLiteralExpression(holder) && ts.isCallExpression(holder.parent)) holder = holder.parent
  if (!ts.isCallExpression(holder) || !ts.isPropertyAccessExpression(holder.expression)) return undefined
  const method = holder.expression.name.text
  const receiver = inf.of(holder.expression.expression, depth + 1)
  const name = stringValue(ts, holder.arguments[0])
  if (receiver?.kind === 'factory') return factoryCallbackRef(inf, receiver, holder, fn, position)
  if (position !== 0) return undefined
  if (RELATION_NAME_METHODS.has(method) && name !== undefined && holder.arguments[1] === fn) {
    return inf.relatedRef(receiver, name, 'query')
  }
  // `user.load((loader) => loader.load('posts'))`: a preloader of the instance's model.
  if (holder.arguments[0] === fn && receiver?.kind === 'instance' && INSTANCE_PRELOAD.has(method))
    return { model: receiver.model, kind: 'preloader' }
  if (holder.arguments[0] === fn && receiver?.kind === 'query') return receiver // where((q) => ...)
  if (CONDITIONAL.has(method) && receiver?.kind === 'query') return receiver // if(cond, (q) => ...)
  if (holder.arguments[0] === fn && receiver?.kind === 'instances' && ARRAY_CALLBACKS.has(method)) {
    return { model: receiver.model, kind: 'instance' }
  }
  return undefined
}

/** `onQuery: (query) => ...` in a relation decorator: a query of the related model. */
function onQueryRef(
  inf: ModelInference,
  holder: TS.PropertyAssignment | TS.MethodDeclaration,
): ModelRef | undefined {
  const ts = inf.index.ts
  const decorator = ts.findAncestor(holder, ts.isDecorator)
  const cls = decorator && ts.findAncestor(decorator, ts.isClassLike)
  const model = cls && inf.index.modelOf(cls)
  const relation = model?.facts.relations.find((r) => r.decorator === decorator)
  if (!relation) return undefined
  const related = inf.index.relatedModel(relation)
  return related.kind === 'model' ? { model: related.model, kind: 'query' } : undefined
}
