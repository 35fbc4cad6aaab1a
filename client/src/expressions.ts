// The Lucid code the preview commands send, built from the user's picks. Pure (no vscode): the server
// parses this text exactly as it parses code selected in the editor, so it must be valid TypeScript
// with every value a literal.

export type Key = string | number

export type WriteMethod =
  'create' | 'createMany' | 'firstOrCreate' | 'updateOrCreate' | 'fetchOrCreateMany' | 'updateOrCreateMany'

export const WRITE_METHODS: readonly WriteMethod[] = [
  'create',
  'createMany',
  'firstOrCreate',
  'updateOrCreate',
  'fetchOrCreateMany',
  'updateOrCreateMany',
]

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A single-quoted string literal; escapes what would end or break the literal. */
export function stringLiteral(text: string): string {
  let out = "'"
  for (const char of text) {
    const code = char.charCodeAt(0)
    const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
    out += ESCAPES[char] ?? (control ? `\\u${code.toString(16).padStart(4, '0')}` : char)
  }
  return `${out}'`
}

/** A primary key's value as code: numbers as they are, anything else as a string. */
export function keyLiteral(key: Key): string {
  return typeof key === 'number' ? String(key) : stringLiteral(key)
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** A JSON value as a JS literal written by hand: `{ title: 'A', tags: [1, 2] }`. */
export function jsLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return stringLiteral(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${IDENTIFIER.test(key) ? key : stringLiteral(key)}: ${jsLiteral(item)}`,
    )
    return entries.length ? `{ ${entries.join(', ')} }` : '{}'
  }
  throw new Error(`Cannot write ${typeof value} as a literal`)
}

/** `User.findOrFail(1).related('posts')`: the relation of one parent row. */
export function relationOf(model: string, key: Key, relation: string): string {
  return `${model}.findOrFail(${keyLiteral(key)}).related(${stringLiteral(relation)})`
}

/** previewRelated: the related rows of one parent. */
export function relatedQuery(model: string, key: Key, relation: string): string {
  return `${relationOf(model, key, relation)}.query()`
}

/** previewCounts: `User.query().withCount('posts').limit(20)`. */
export function countsQuery(model: string, relation: string, limit = 20): string {
  return `${model}.query().withCount(${stringLiteral(relation)}).limit(${limit})`
}

export type ParentRows = { kind: 'firstPage'; limit: number } | { kind: 'keys'; keys: Key[] }

export interface PreloadSpec {
  model: string
  /** The parent's primary key attribute, for `whereIn`. */
  primaryKey: string
  parents: ParentRows
  relation: string
  groupLimit?: number
  /** A column name: Lucid puts groupOrderBy's argument into raw SQL unresolved. */
  groupOrderBy?: { column: string; direction: 'asc' | 'desc' }
  nested: string[]
}

/** previewPreload: `User.query().whereIn('id', [1, 2]).preload('posts', (q) => q.groupLimit(3))`. */
export function preloadQuery(spec: PreloadSpec): string {
  const calls: string[] = []
  if (spec.groupLimit !== undefined) calls.push(`.groupLimit(${spec.groupLimit})`)
  if (spec.groupOrderBy)
    calls.push(
      `.groupOrderBy(${stringLiteral(spec.groupOrderBy.column)}, ${stringLiteral(spec.groupOrderBy.direction)})`,
    )
  for (const nested of spec.nested) calls.push(`.preload(${stringLiteral(nested)})`)
  const preload = calls.length
    ? `.preload(${stringLiteral(spec.relation)}, (q) => q${calls.join('')})`
    : `.preload(${stringLiteral(spec.relation)})`
  const parents =
    spec.parents.kind === 'firstPage'
      ? `.limit(${spec.parents.limit})`
      : `.whereIn(${stringLiteral(spec.primaryKey)}, [${spec.parents.keys.map(keyLiteral).join(', ')}])`
  return spec.parents.kind === 'firstPage'
    ? `${spec.model}.query()${preload}${parents}`
    : `${spec.model}.query()${parents}${preload}`
}

export interface WriteSpec {
  model: string
  key: Key
  relation: string
  method: WriteMethod
  /** The payload: an object, or an array of objects for the *Many methods. */
  payload: unknown
  /** firstOrCreate / updateOrCreate: the search object. */
  search?: unknown
  /** fetchOrCreateMany / updateOrCreateMany: the attribute(s) rows are matched on. */
  predicate?: string[]
}

/** dryRunWrite: `User.findOrFail(1).related('posts').createMany([{ title: 'A' }])`. */
export function writeExpression(spec: WriteSpec): string {
  const target = relationOf(spec.model, spec.key, spec.relation)
  switch (spec.method) {
    case 'create':
    case 'createMany':
      return `${target}.${spec.method}(${jsLiteral(spec.payload)})`
    case 'firstOrCreate':
    case 'updateOrCreate':
      return `${target}.${spec.method}(${jsLiteral(spec.search ?? {})}, ${jsLiteral(spec.payload)})`
    case 'fetchOrCreateMany':
    case 'updateOrCreateMany': {
      const predicate = spec.predicate ?? []
      const args =
        predicate.length === 0
          ? ''
          : `, ${predicate.length === 1 ? stringLiteral(predicate[0] as string) : jsLiteral(predicate)}`
      return `${target}.${spec.method}(${jsLiteral(spec.payload)}${args})`
    }
  }
}

/**
 * A key the user typed, typed like the model's keys: `12` is the number 12 when the keys seen are
 * numbers (or none were seen), and stays the string '12' for a model keyed by strings.
 */
export function typedKey(text: string, seen: readonly Key[]): Key {
  const trimmed = text.trim()
  const numericKeys = seen.length === 0 || seen.some((key) => typeof key === 'number')
  return numericKeys && /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))
    ? Number(trimmed)
    : trimmed
}

/** `1, 2, 3` → [1, 2, 3]; empty parts are dropped. */
export function parseKeys(text: string, seen: readonly Key[]): Key[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => typedKey(part, seen))
}

/** Attribute names separated by commas, for the *Many methods' predicate. */
export function parseNames(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/**
 * The panel's title for Lucid code: `User.posts` for a related query (the relation is what it
 * reads), else the model or variable the chain starts at (`Category` for
 * `Category.query().preload('children')`: a preload or a count is not what the query reads).
 */
export function expressionTitle(expression: string): string {
  const start = /^\s*(?:await\s+)?([A-Za-z_$][\w$]*)/.exec(expression)?.[1] ?? 'selection'
  const related =
    /^\s*(?:await\s+)?[A-Za-z_$][\w$]*(?:\s*\.\s*(?:findOrFail|find|findByOrFail|findBy|firstOrFail|first)\([^()]*\))?\s*\.\s*related\(\s*(['"`])([^'"`]+)\1/.exec(
      expression,
    )?.[2]
  return related ? `${start}.${related}` : start
}
