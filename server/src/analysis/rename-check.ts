// Whether a rename at a position is Lucid Lens's to do, and when it would be wrong, why not. Only
// properties named by key strings and relations are renamed; a property that a relation reaches by
// a default key is refused, since no string could carry the new name there.
import type * as TS from 'typescript'
import { implicitKeyUses } from './implicit-keys'
import { keyUsages } from './key-usages'
import { symbolAt, type LucidSymbol } from './lucid-symbol'
import type { ModelIndex } from './model-index'
import { isStringLike, type TsModule } from './syntax'

export type RenamableSymbol = Exclude<LucidSymbol, { kind: 'model' }>

export type RenameCheck =
  | { kind: 'rename'; symbol: RenamableSymbol; origin: TS.Node; inString: boolean; name: string }
  | { kind: 'refuse'; reason: string }

const NOT_ONE =
  'Lucid Lens renames model properties used as relation keys and relation names; this string is not one'

/** Undefined where the position is not Lucid's to rename (TypeScript's identifiers, column strings). */
export function checkRename(index: ModelIndex, file: TS.SourceFile, offset: number): RenameCheck | undefined {
  const { ts } = index
  const at = symbolAt(index, file, offset)
  if (!at || at.context === 'column' || at.context === 'related-model') return undefined
  if (!at.found) return { kind: 'refuse', reason: `${NOT_ONE}: ${at.reason}.` }
  const { symbol } = at
  if (symbol.kind === 'model') return undefined
  const declaration = symbol.kind === 'property' ? symbol.property.nameNode : symbol.relation.nameNode
  const name = symbol.kind === 'property' ? symbol.property.name : symbol.relation.name
  if (symbol.kind === 'property') {
    // A property no key string names is a plain TypeScript rename.
    if (keyUsages(index, symbol.property).length === 0) return undefined
    const broken = implicitKeyUses(index, symbol.property)
    if (broken.length > 0) {
      return {
        kind: 'refuse',
        reason: `Renaming ${symbol.model.name}.${name} would break Lucid's keys: ${broken.join(' ')}`,
      }
    }
  }
  if (!ts.isIdentifier(declaration) && !isStringLike(ts, declaration))
    return { kind: 'refuse', reason: `"${name}" is declared with a computed name that cannot be renamed.` }
  return { kind: 'rename', symbol, origin: at.origin, inString: isStringLike(ts, at.origin), name }
}

/** Why `newName` cannot replace the symbol's name, or undefined when it can. */
export function newNameProblem(
  index: ModelIndex,
  symbol: RenamableSymbol,
  newName: string,
): string | undefined {
  const { ts } = index
  if (!isIdentifierText(ts, newName))
    return `"${newName}" is not a valid property name: Lucid keys and relation names are identifiers.`
  const declaration = symbol.kind === 'property' ? symbol.property.nameNode : symbol.relation.nameNode
  const cls = ts.findAncestor(declaration, ts.isClassLike)
  const model = cls && index.modelOf(cls)
  const current = symbol.kind === 'property' ? symbol.property.name : symbol.relation.name
  if (!model || newName === current) return undefined
  if (model.columns.has(newName) || model.plainProperties.has(newName) || model.relations.has(newName))
    return `${model.name} already has a member named "${newName}".`
  return undefined
}

function isIdentifierText(ts: TsModule, text: string): boolean {
  const points = [...text].map((c) => c.codePointAt(0) ?? 0)
  const [first, ...rest] = points
  if (first === undefined || !ts.isIdentifierStart(first, ts.ScriptTarget.Latest)) return false
  // Reserved words are valid property names (`declare default: string`), so they pass.
  return rest.every((c) => ts.isIdentifierPart(c, ts.ScriptTarget.Latest))
}
