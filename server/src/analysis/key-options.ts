// A relation's key options with their values as Lucid receives them. A literal is read from the syntax
// (class-facts.ts); a constant (`pivotTable: Tables.USER_ROLES`, `foreignKey: FK`, a member of an
// `as const` object, from any file of the app) is read through the checker: the one string literal
// type it has is its value. Anything wider (a `string`, a union, a parameter) stays unknown.
import type * as TS from 'typescript'
import type { KeyOption, RelationFact } from './class-facts'
import { constantValue } from './constant-value'
import type { TsModule } from './syntax'

export type KeyOptionName =
  | 'foreignKey'
  | 'localKey'
  | 'relatedKey'
  | 'pivotTable'
  | 'pivotForeignKey'
  | 'pivotRelatedForeignKey'
  | 'throughLocalKey'
  | 'throughForeignKey'

export type KeyOptions = Partial<Record<KeyOptionName, KeyOption>>

/** The options as written; a constant's value is unknown here. Only those given are keys, in this order. */
export function writtenKeyOptions(fact: RelationFact): KeyOptions {
  const { manyToMany: m, hasManyThrough: t } = fact
  const out: KeyOptions = {}
  if (fact.foreignKey) out.foreignKey = fact.foreignKey
  if (fact.localKey) out.localKey = fact.localKey
  if (m?.relatedKey) out.relatedKey = m.relatedKey
  if (m?.pivotTable) out.pivotTable = m.pivotTable
  if (m?.pivotForeignKey) out.pivotForeignKey = m.pivotForeignKey
  if (m?.pivotRelatedForeignKey) out.pivotRelatedForeignKey = m.pivotRelatedForeignKey
  if (t?.throughLocalKey) out.throughLocalKey = t.throughLocalKey
  if (t?.throughForeignKey) out.throughForeignKey = t.throughForeignKey
  return out
}

/** The options with constants read; undefined when every option is a literal (the fact says it all). */
export function resolvedKeyOptions(
  ts: TsModule,
  checker: TS.TypeChecker,
  fact: RelationFact,
): KeyOptions | undefined {
  const written = writtenKeyOptions(fact)
  let changed = false
  const out: KeyOptions = {}
  for (const [name, option] of Object.entries(written) as [KeyOptionName, KeyOption][]) {
    const value = option.value ?? constantValue(ts, checker, option.node)
    if (value !== option.value) changed = true
    out[name] = value === undefined ? option : { value, node: option.node }
  }
  return changed ? out : undefined
}
