// What a position in a file refers to, for hover, completion, definition, rename and code actions:
// a key string in a relation decorator, a relation-name string in a usage, a column string in a
// relation query, a relation property or decorator, or a model class name.
import type * as TS from 'typescript'
import { fileFacts, RELATION_NAME_METHODS, type CallFact } from './file-facts'
import { ModelInference, type ModelRef } from './infer'
import { keyOwner } from './key-usages'
import type { LucidModel, ModelRelation } from './lucid-model'
import type { ModelIndex } from './model-index'
import { isStringLike } from './syntax'

/** Query-builder methods whose first argument is a column (an attribute of the query's model). */
export const COLUMN_ARG_METHODS = new Set([
  'where',
  'orWhere',
  'andWhere',
  'whereNot',
  'orWhereNot',
  'whereIn',
  'orWhereIn',
  'whereNotIn',
  'orWhereNotIn',
  'whereNull',
  'orWhereNull',
  'whereNotNull',
  'orWhereNotNull',
  'whereBetween',
  'orWhereBetween',
  'whereNotBetween',
  'whereLike',
  'orWhereLike',
  'whereILike',
  'orWhereILike',
  'orderBy',
  'select',
  'groupBy',
  'groupOrderBy',
  'increment',
  'decrement',
  'max',
  'min',
  'sum',
  'avg',
  'count',
])

export type CursorTarget =
  | {
      kind: 'key'
      role: 'foreignKey' | 'localKey'
      literal: TS.StringLiteralLike
      parent: LucidModel
      relation: ModelRelation
      /**
       * The model the key must be a property of (see keyOwner); undefined when it is not a model's
       * property, e.g. the foreignKey of a manyToMany, which lives on the pivot table.
       */
      owner?: LucidModel
    }
  | { kind: 'relation-name'; literal: TS.StringLiteralLike; call: CallFact; ref?: ModelRef }
  | { kind: 'column'; literal: TS.StringLiteralLike; call: CallFact; ref?: ModelRef }
  | { kind: 'relation'; node: TS.Node; parent: LucidModel; relation: ModelRelation }
  | { kind: 'model'; node: TS.Node; model: LucidModel }

export function locate(index: ModelIndex, file: TS.SourceFile, offset: number): CursorTarget | undefined {
  const ts = index.ts
  const node = innermost(ts, file, offset)
  if (!node) return undefined
  if (isStringLike(ts, node)) return locateString(index, node)
  const cls = ts.findAncestor(node, ts.isClassLike)
  const model = cls && index.modelOf(cls)
  if (!model || !cls) return undefined
  if (cls.name === node) return { kind: 'model', node, model }
  for (const fact of model.facts.relations) {
    if (fact.nameNode === node || fact.decoratorNameNode === node) {
      return { kind: 'relation', node, parent: model, relation: { fact, declaredBy: model.facts } }
    }
  }
  return undefined
}

function locateString(index: ModelIndex, literal: TS.StringLiteralLike): CursorTarget | undefined {
  const ts = index.ts
  const parent = literal.parent
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.initializer === literal) {
    const role = parent.name.text
    if (role === 'foreignKey' || role === 'localKey') return locateKey(index, literal, role)
  }
  if (!ts.isCallExpression(parent) || parent.arguments[0] !== literal) return undefined
  const call =
    fileFacts(ts, literal.getSourceFile()).calls.find((c) => c.node === parent) ?? callFact(ts, parent)
  if (!call) return undefined
  const ref = new ModelInference(index).of(call.receiver)
  if (RELATION_NAME_METHODS.has(call.method)) return { kind: 'relation-name', literal, call, ref }
  if (COLUMN_ARG_METHODS.has(call.method)) return ref ? { kind: 'column', literal, call, ref } : undefined
  return undefined
}

function locateKey(
  index: ModelIndex,
  literal: TS.StringLiteralLike,
  role: 'foreignKey' | 'localKey',
): CursorTarget | undefined {
  const ts = index.ts
  const decorator = ts.findAncestor(literal, ts.isDecorator)
  const cls = decorator && ts.findAncestor(decorator, ts.isClassLike)
  const parent = cls && index.modelOf(cls)
  const fact = parent?.facts.relations.find((r) => r.decorator === decorator)
  if (!parent || !fact) return undefined
  const owner = keyOwner(index, parent, fact, role)
  return { kind: 'key', role, literal, parent, relation: { fact, declaredBy: parent.facts }, owner }
}

function callFact(ts: typeof TS, node: TS.CallExpression): CallFact | undefined {
  if (!ts.isPropertyAccessExpression(node.expression) || !ts.isIdentifier(node.expression.name))
    return undefined
  const name = node.expression.name
  return { node, method: name.text, methodNode: name, receiver: node.expression.expression }
}

/** The deepest node whose span contains the offset (the end of a token counts, for completion). */
function innermost(ts: typeof TS, file: TS.SourceFile, offset: number): TS.Node | undefined {
  let found: TS.Node | undefined
  const visit = (node: TS.Node): void => {
    if (offset < node.getStart(file) || offset > node.getEnd()) return
    found = node
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(file, visit)
  return found
}
