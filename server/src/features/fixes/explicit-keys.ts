// Refactors on a hasMany/hasOne decorator: write the keys Lucid derives by default into the options,
// or drop explicit keys that only repeat those defaults. Either way Lucid's behaviour is unchanged.
import type * as TS from 'typescript'
import { resolveHasManyKeys, type ModelIndex } from '../../analysis'
import type { Fix } from './fix'
import { relationsIn, type RelationSite } from '../relation-site'
import { addOptionEdits, removeOptionEdits } from './relation-options'

export function explicitKeyRefactors(
  index: ModelIndex,
  file: TS.SourceFile,
  start: number,
  end: number,
): Fix[] {
  const out: Fix[] = []
  for (const site of relationsIn(index, file, start, end)) {
    const fix = makeExplicit(index, site)
    if (fix) out.push(fix)
    const inverse = removeDefaults(index, site)
    if (inverse) out.push(inverse)
  }
  return out
}

function makeExplicit(index: ModelIndex, site: RelationSite): Fix | undefined {
  const { fact } = site.relation
  if (!site.keys) return undefined
  const entries: [string, string][] = []
  if (!fact.foreignKey) entries.push(['foreignKey', site.keys.foreignKey.name])
  if (!fact.localKey) entries.push(['localKey', site.keys.localKey.name])
  const edits = entries.length > 0 ? addOptionEdits(index.ts, fact, entries) : undefined
  return edits && { title: 'Make default keys explicit', edits }
}

function removeDefaults(index: ModelIndex, site: RelationSite): Fix | undefined {
  const { fact } = site.relation
  if (!site.keys || !site.related || (!fact.foreignKey && !fact.localKey)) return undefined
  const bare = { ...site.relation, fact: { ...fact, foreignKey: undefined, localKey: undefined } }
  const defaults = resolveHasManyKeys(site.parent, bare, site.related)
  if (!defaults) return undefined
  const remove = new Set<TS.Node>()
  for (const [option, name] of [
    [fact.foreignKey, defaults.foreignKey.name],
    [fact.localKey, defaults.localKey.name],
  ] as const) {
    const property = option?.node.parent
    if (option?.value === name && property && index.ts.isPropertyAssignment(property)) remove.add(property)
  }
  const edits = removeOptionEdits(index.ts, fact, remove)
  return edits.length > 0 ? { title: 'Remove keys equal to the defaults', edits } : undefined
}
