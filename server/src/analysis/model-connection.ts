// Which connection of config/database.ts a model queries: its `static connection`, or a base's.
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { hasModifier, memberName, skipOuter, stringValue } from './syntax'

/** `static connection = 'tenant'` of the model or a base class; null when it is not a literal. */
export function connectionOf(index: ModelIndex, model: LucidModel): string | undefined | null {
  const { ts } = index
  for (let current: LucidModel | undefined = model; current; current = current.base) {
    for (const member of current.facts.node.members) {
      if (!ts.isPropertyDeclaration(member) || !hasModifier(ts, member, ts.SyntaxKind.StaticKeyword)) continue
      if (memberName(ts, member.name) !== 'connection') continue
      return (member.initializer && stringValue(ts, skipOuter(ts, member.initializer))) ?? null
    }
  }
  return undefined
}
