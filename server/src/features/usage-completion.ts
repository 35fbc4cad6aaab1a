// Completion of the strings in query code: relation names in related('|') / preload('|') / withCount
// / whereHas..., and columns in where('|') / orderBy('|') / select('|')... on a model's query.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver'
import type { LucidModel, ModelIndex } from '../analysis'
import { relationSummary } from './relation-card'

export function relationItems(index: ModelIndex, model: LucidModel, range: Range): CompletionItem[] {
  return [...model.relations.entries()].map(([name, relation]) => {
    const declared = relation.declaredBy === model.facts ? '' : ` (declared in ${relation.declaredBy.name})`
    return {
      label: name,
      kind: CompletionItemKind.Field,
      detail: relationSummary(index, relation.fact),
      documentation: { kind: MarkupKind.Markdown, value: `Relation of **${model.name}**${declared}.` },
      textEdit: { range, newText: name },
    }
  })
}

/** Attributes, which Lucid resolves to columns; for groupOrderBy the columns themselves. */
export function columnItems(model: LucidModel, method: string, range: Range): CompletionItem[] {
  const out: CompletionItem[] = []
  for (const [attribute, column] of model.columns) {
    const type = column.fact.typeText ? ` · ${column.fact.typeText}` : ''
    if (method === 'groupOrderBy') {
      if (column.columnName === undefined) continue
      out.push({
        label: column.columnName,
        kind: CompletionItemKind.Field,
        detail: `column of ${attribute}${type} · groupOrderBy takes column names`,
        documentation: {
          kind: MarkupKind.Markdown,
          value:
            `Column of **${model.name}.${attribute}**. Lucid writes groupOrderBy's argument into raw SQL ` +
            'without resolving attribute names (LL304), so it needs the database column.',
        },
        textEdit: { range, newText: column.columnName },
      })
      continue
    }
    out.push({
      label: attribute,
      kind: CompletionItemKind.Field,
      detail: `column ${column.columnName ?? '(custom naming strategy)'}${type}`,
      documentation: { kind: MarkupKind.Markdown, value: `Column property of **${model.name}**.` },
      textEdit: { range, newText: attribute },
    })
  }
  return out
}
