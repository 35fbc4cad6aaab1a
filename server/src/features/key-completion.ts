// Completion inside `foreignKey: '|'` / `localKey: '|'`: the column properties of the model the key
// must exist on, those typed like the other key first, Lucid's default key marked and preselected.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver'
import type { LucidModel, ModelIndex, ModelRelation } from '../analysis'
import type { RelationFact } from '../analysis/class-facts'
import type { KeyRole } from './relation-card'

export interface KeyCompletionInput {
  index: ModelIndex
  role: KeyRole
  parent: LucidModel
  relation: ModelRelation
  /** The model the key must be a property of (locate's `owner`). */
  owner: LucidModel
}

/** Kinds whose foreignKey is an attribute of the parent or the related model. */
const TWO_MODEL_KINDS = new Set(['hasMany', 'hasOne', 'belongsTo'])

export function keyItems(input: KeyCompletionInput, range: Range): CompletionItem[] {
  const { index, role, parent, relation, owner } = input
  const fact = relation.fact
  const related = index.relatedModel(fact)
  const relatedModel = related.kind === 'model' ? related.model : undefined
  const fallback = relatedModel && defaultKey(role, fact, parent, relatedModel)
  const otherType =
    relatedModel && TWO_MODEL_KINDS.has(fact.kind)
      ? otherKeyType(role, fact, parent, relatedModel)
      : undefined
  return [...owner.columns.values()].map((column): CompletionItem => {
    const name = column.fact.name
    const isDefault = name === fallback?.name
    const rank = otherType !== undefined && column.fact.baseType === otherType ? 0 : 1
    const type = column.fact.typeText ? ` · ${column.fact.typeText}` : ''
    const columnText = column.columnName ?? '(custom naming strategy)'
    const declared = column.declaredBy === owner.facts ? '' : ` (declared in ${column.declaredBy.name})`
    const docs = [`Column property of **${owner.name}**${declared}.`]
    if (isDefault && fallback) docs.push(`Lucid's default ${role}: ${fallback.derivation}.`)
    return {
      label: name,
      kind: CompletionItemKind.Field,
      detail: `column ${columnText}${type}${isDefault ? ' (default)' : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: docs.join('\n\n') },
      sortText: `${rank}_${name}`,
      ...(isDefault ? { preselect: true } : {}),
      textEdit: { range, newText: name },
    }
  })
}

/** The attribute Lucid picks for `role` when the option is absent (reference section 1). */
function defaultKey(
  role: KeyRole,
  fact: RelationFact,
  parent: LucidModel,
  related: LucidModel,
): { name: string; derivation: string } | undefined {
  const strategy = parent.strategy
  if (!strategy) return undefined
  const p = { name: parent.name, primaryKey: parent.primaryKey }
  const r = { name: related.name, primaryKey: related.primaryKey }
  if (role === 'localKey') {
    const name = strategy.relationLocalKey(fact.kind, p, r)
    return { name, derivation: `the primary key of ${fact.kind === 'belongsTo' ? r.name : p.name}` }
  }
  const from = fact.kind === 'belongsTo' ? r : p
  return {
    name: strategy.relationForeignKey(fact.kind, p, r),
    derivation: `camelCase("${from.name}" + "_" + "${from.primaryKey}")`,
  }
}

/** The declared base type of the other key's column, which the completed key should match. */
function otherKeyType(
  role: KeyRole,
  fact: RelationFact,
  parent: LucidModel,
  related: LucidModel,
): string | undefined {
  const other: KeyRole = role === 'localKey' ? 'foreignKey' : 'localKey'
  const option = fact[other]
  if (option && option.value === undefined) return undefined
  const name = option?.value ?? defaultKey(other, fact, parent, related)?.name
  // belongsTo keeps its foreign key on the parent and its local key on the related model.
  const onParent = (other === 'localKey') !== (fact.kind === 'belongsTo')
  const owner = onParent ? parent : related
  return name === undefined ? undefined : owner.columns.get(name)?.fact.baseType
}
