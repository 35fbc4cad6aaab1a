// Everything the analysis needs from one file, read once per SourceFile object. The language
// service hands out the same SourceFile object until the file changes, so the cache is exact.
import type * as TS from 'typescript'
import { readClass, type ClassFacts } from './class-facts'
import type { TsModule } from './syntax'

/** Methods whose first argument names a relation of the model they apply to. */
export const RELATION_NAME_METHODS = new Set([
  'related',
  'preload',
  'load',
  'loadOnce',
  'loadCount',
  'loadAggregate',
  'withCount',
  'withAggregate',
  'has',
  'andHas',
  'orHas',
  'whereHas',
  'andWhereHas',
  'orWhereHas',
  'doesntHave',
  'andDoesntHave',
  'orDoesntHave',
  'whereDoesntHave',
  'andWhereDoesntHave',
  'orWhereDoesntHave',
])

/** Methods whose first argument is a column (or, for `where`-like ones, an object of columns). */
export const COLUMN_METHODS = new Set([
  'where',
  'orWhere',
  'andWhere',
  'whereNot',
  'orWhereNot',
  'andWhereNot',
  'whereIn',
  'orWhereIn',
  'andWhereIn',
  'whereNotIn',
  'orWhereNotIn',
  'whereNull',
  'orWhereNull',
  'andWhereNull',
  'whereNotNull',
  'orWhereNotNull',
  'andWhereNotNull',
  'whereBetween',
  'orWhereBetween',
  'andWhereBetween',
  'whereNotBetween',
  'whereLike',
  'orWhereLike',
  'andWhereLike',
  'whereILike',
  'orWhereILike',
  'andWhereILike',
  'orderBy',
  'select',
  'groupBy',
  'having',
  'increment',
  'decrement',
  'pluck',
  'groupOrderBy',
])

/** Static model methods that write and take `{ client }` options (LL603). */
export const TRANSACTION_CREATES = new Set(['create', 'createMany', 'firstOrCreate', 'updateOrCreate'])

/** Other calls some check looks at. */
const OTHER_METHODS = new Set([
  'groupOrderBy',
  'groupLimit',
  'fetchOrCreateMany',
  'updateOrCreateMany',
  'update',
  'delete',
  'del',
  'transaction',
  'query',
  ...COLUMN_METHODS,
  ...TRANSACTION_CREATES,
])

export interface CallFact {
  node: TS.CallExpression
  method: string
  methodNode: TS.Identifier
  receiver: TS.Expression
}

export interface FileFacts {
  classes: ClassFacts[]
  classByNode: Map<TS.Node, ClassFacts>
  calls: CallFact[]
}

const cache = new WeakMap<TS.SourceFile, FileFacts>()

export function fileFacts(ts: TsModule, file: TS.SourceFile): FileFacts {
  let facts = cache.get(file)
  if (!facts) {
    facts = readFile(ts, file)
    cache.set(file, facts)
  }
  return facts
}

/** A cheap text test: files without any such call (most models) need no call collection. */
const CALL_TEXT = new RegExp(`\\.\\s*(${[...RELATION_NAME_METHODS, ...OTHER_METHODS].join('|')})\\s*[(<]`)

function readFile(ts: TsModule, file: TS.SourceFile): FileFacts {
  const facts: FileFacts = { classes: [], classByNode: new Map(), calls: [] }
  const wantCalls = CALL_TEXT.test(file.text)
  // Without calls to collect, the walk ends once it has found as many classes as the text can hold.
  const classLimit = wantCalls ? Infinity : classKeywords(file.text)
  if (classLimit === 0) return facts
  const visit = (node: TS.Node): true | undefined => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const cls = readClass(ts, node)
      facts.classes.push(cls)
      facts.classByNode.set(node, cls)
      if (facts.classes.length >= classLimit) return true
    } else if (wantCalls && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name
      if (ts.isIdentifier(name) && (RELATION_NAME_METHODS.has(name.text) || OTHER_METHODS.has(name.text))) {
        facts.calls.push({ node, method: name.text, methodNode: name, receiver: node.expression.expression })
      }
    } else if (!wantCalls && isMemberBody(ts, node)) {
      return undefined // classes are declared at top level or in mixin functions, not inside methods
    }
    return ts.forEachChild(node, visit)
  }
  visit(file)
  return facts
}

/**
 * At least the number of classes in a file: every class is written with the keyword `class`, which
 * only a word boundary can surround (the word in comments and strings counts too, so never fewer).
 * A keyword spelled with a unicode escape would escape the count: such a text gets no limit.
 */
function classKeywords(text: string): number {
  if (text.includes('\\u')) return Infinity
  return text.match(/\bclass\b/g)?.length ?? 0
}

function isMemberBody(ts: TsModule, node: TS.Node): boolean {
  const parent = node.parent
  return (
    ts.isBlock(node) &&
    !!parent &&
    (ts.isMethodDeclaration(parent) || ts.isConstructorDeclaration(parent) || ts.isAccessor(parent))
  )
}
