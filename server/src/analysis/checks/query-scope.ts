// What the code around a query says about the names it may use besides the model's columns: aliases
// (`select('x as y')`, `.as('n')`, `withCount('posts')` → `posts_count`) and joined or swapped tables.
// Read from the text of the outermost function the query is built in, since a query can be built
// over several statements and callbacks.
import type * as TS from 'typescript'
import type { TsModule } from '../syntax'

export interface QueryScope {
  /** Names that may stand for computed values rather than columns. */
  aliases: Set<string>
  /** The query may read other tables under unqualified names (a join, `from`, a raw select). */
  otherTables: boolean
}

const cache = new WeakMap<TS.Node, QueryScope>()

export function queryScope(ts: TsModule, node: TS.Node): QueryScope {
  const scope = outermostFunction(ts, node)
  let found = cache.get(scope)
  if (!found) {
    found = read(scope.getText())
    cache.set(scope, found)
  }
  return found
}

function outermostFunction(ts: TsModule, node: TS.Node): TS.Node {
  let outer: TS.Node | undefined
  for (let current: TS.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) outer = current
    if (ts.isClassLike(current)) break
  }
  return outer ?? node.getSourceFile()
}

const ALIAS = /\bas\s*["'`]?\s*([A-Za-z_]\w*)/g
const AS_CALL = /\.as\(\s*["'`]([A-Za-z_]\w*)/g
/** `'posts_count'` anywhere: the alias Lucid gives a count, maybe of a query built elsewhere. */
const ANY_COUNT = /["'`](\w+_count)["'`]/g
const COUNTED = /\.(?:withCount|loadCount)\(\s*["'`]([A-Za-z_]\w*)/g
/** Joins, another table, raw SQL, and scopes (whose bodies may join). */
const OTHER_TABLES =
  /\.\s*(?:\w*[jJ]oin\w*|from|fromRaw|table|with|withRecursive|union\w*|select\w*Raw|apply|withScopes)\s*\(|\braw\s*\(/

function read(text: string): QueryScope {
  const aliases = new Set<string>()
  for (const m of text.matchAll(ALIAS)) if (m[1]) aliases.add(m[1])
  for (const m of text.matchAll(AS_CALL)) if (m[1]) aliases.add(m[1])
  for (const m of text.matchAll(COUNTED)) if (m[1]) aliases.add(`${m[1]}_count`)
  for (const m of text.matchAll(ANY_COUNT)) if (m[1]) aliases.add(m[1])
  return { aliases, otherTables: OTHER_TABLES.test(text) }
}
