// Every place that names a property or a relation the way Lucid reads it: the declaration plus the
// key strings (a property) or the relation-name strings (a relation). TypeScript's own references
// to the property are not included: the TypeScript service answers for those.
import type * as TS from 'typescript'
import { keyUsages } from './key-usages'
import type { LucidSymbol } from './lucid-symbol'
import type { ModelIndex } from './model-index'
import { relationNameUsages } from './relation-usages'
import { isStringLike } from './syntax'

export interface Occurrence {
  node: TS.Node
  /** True for string literals: the name is the text between the quotes. */
  inString: boolean
  isDeclaration: boolean
}

export function symbolOccurrences(
  index: ModelIndex,
  files: readonly TS.SourceFile[],
  symbol: LucidSymbol,
): Occurrence[] {
  if (symbol.kind === 'model') return []
  const declaration = symbol.kind === 'property' ? symbol.property.nameNode : symbol.relation.nameNode
  const usages =
    symbol.kind === 'property'
      ? keyUsages(index, symbol.property).map((u) => u.literal)
      : relationNameUsages(index, files, symbol.relation)
  return [
    { node: declaration, inString: isStringLike(index.ts, declaration), isDeclaration: true },
    ...usages.map((node) => ({ node, inString: true, isDeclaration: false })),
  ]
}
