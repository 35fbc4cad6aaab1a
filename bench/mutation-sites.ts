// The sites the mutation benchmark changes: every relation-name string given to related(),
// preload(), withCount()... that names a relation of some model of the app, and every explicit key
// option of every relation decorator. Each site is tagged with its pattern (the receiver's shape,
// read from the syntax alone, or the relation type and option) so the report can break rates down.
import type * as TS from 'typescript'
import { RELATION_NAME_METHODS } from '../server/src/analysis/file-facts'
import type { ModelIndex } from '../server/src/analysis/model-index'
import { skipOuter, type TsModule } from '../server/src/analysis/syntax'

export interface Site {
  fileName: string
  /** Offset of the string literal's first character (its opening quote). */
  start: number
  /** Offset of its closing quote: the letter is inserted there. */
  end: number
  text: string
  kind: 'name' | 'key'
  pattern: string
}

const RELATION_DECORATORS = new Set(['hasMany', 'hasOne', 'belongsTo', 'manyToMany', 'hasManyThrough'])
const KEY_OPTIONS = new Set([
  'foreignKey',
  'localKey',
  'relatedKey',
  'pivotTable',
  'pivotForeignKey',
  'pivotRelatedForeignKey',
  'throughLocalKey',
  'throughForeignKey',
])

export function collectSites(ts: TsModule, index: ModelIndex, files: readonly TS.SourceFile[]): Site[] {
  const names = new Set<string>()
  for (const model of index.allModels()) for (const name of model.relations.keys()) names.add(name)
  const out: Site[] = []
  for (const file of files) {
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const arg = node.arguments[0]
        if (
          RELATION_NAME_METHODS.has(node.expression.name.text) &&
          arg &&
          ts.isStringLiteralLike(arg) &&
          names.has(arg.text)
        ) {
          out.push(site(file, arg, 'name', receiverPattern(ts, node.expression.expression, index)))
        }
      }
      if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
        const callee = node.expression.expression
        const kind = ts.isIdentifier(callee) ? callee.text : undefined
        const options = node.expression.arguments[1]
        if (kind && RELATION_DECORATORS.has(kind) && options && ts.isObjectLiteralExpression(options)) {
          for (const prop of options.properties) {
            if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue
            if (!KEY_OPTIONS.has(prop.name.text) || !ts.isStringLiteralLike(prop.initializer)) continue
            out.push(site(file, prop.initializer, 'key', `key ${kind}.${prop.name.text}`))
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return out
}

function site(file: TS.SourceFile, literal: TS.StringLiteralLike, kind: Site['kind'], pattern: string): Site {
  return {
    fileName: file.fileName,
    start: literal.getStart(file),
    end: literal.getEnd() - 1,
    text: literal.text,
    kind,
    pattern,
  }
}

/** The receiver's shape, from its syntax: the root of the call chain and how that root is declared. */
function receiverPattern(ts: TsModule, receiver: TS.Expression, index: ModelIndex): string {
  let node = skipOuter(ts, receiver)
  let chained = false
  for (;;) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      if (node.expression.name.text === 'getUserOrFail') return 'auth user'
      node = skipOuter(ts, node.expression.expression)
      chained = true
    } else if (ts.isElementAccessExpression(node)) {
      node = skipOuter(ts, node.expression)
    } else break
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) return chained ? 'this (chain)' : 'this'
  if (ts.isPropertyAccessExpression(node)) {
    const text = node.getText()
    if (/\bauth\b.*\.user$/.test(text)) return 'auth user'
    if (node.name.text === 'default') return 'dynamic import'
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return 'field'
    return 'property of a value'
  }
  if (!ts.isIdentifier(node)) return 'other expression'
  if (/^[A-Z]/.test(node.text) && index.modelOfExpression(node)) return 'Model.static chain'
  const decl = index.checker.getSymbolAtLocation(node)?.valueDeclaration
  if (!decl) return 'unresolved name'
  if (ts.isBindingElement(decl))
    return ts.isArrayBindingPattern(decl.parent) ? 'array destructuring' : 'object destructuring'
  if (ts.isParameter(decl)) {
    if (decl.type) return 'typed parameter'
    const fn = decl.parent
    const holder = fn.parent
    if (ts.isCallExpression(holder)) {
      const callee = holder.expression
      const method = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : ''
      if (RELATION_NAME_METHODS.has(method)) return 'relation callback parameter'
      if (method === 'scope') return 'scope parameter'
      if (['if', 'unless', 'match', 'where', 'orWhere', 'andWhere'].includes(method))
        return 'query callback parameter'
      return 'array callback parameter'
    }
    if (ts.isArrayLiteralExpression(holder)) return 'query callback parameter'
    return 'other parameter'
  }
  if (ts.isVariableDeclaration(decl)) {
    if (decl.type) return 'typed variable'
    const loop = decl.parent.parent
    if (ts.isForOfStatement(loop)) return 'for-of variable'
    return 'variable'
  }
  return 'other name'
}
