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

/** The options as written; a constant's value is unknown here. */
export function writtenKeyOptions(fact: RelationFact): KeyOptions {
  const { manyToMany: m, hasManyThrough: t } = fact
  const all: KeyOptions = {
    foreignKey: fact.foreignKey,
    localKey: fact.localKey,
    relatedKey: m?.relatedKey,
    pivotTable: m?.pivotTable,
    pivotForeignKey: m?.pivotForeignKey,
    pivotRelatedForeignKey: m?.pivotRelatedForeignKey,
    throughLocalKey: t?.throughLocalKey,
    throughForeignKey: t?.throughForeignKey,
  }
  const out: KeyOptions = {}
  for (const [name, option] of Object.entries(all) as [KeyOptionName, KeyOption | undefined][])
    if (option) out[name] = option
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
