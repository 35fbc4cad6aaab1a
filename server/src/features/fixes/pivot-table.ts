// LL407: the pivot table (or a pivotColumns column) does not exist and the schema has the one it
// most likely is. A written name is replaced; a default pivot table gets an explicit pivotTable.
import { relationAt } from '../relation-site'
import type { Fix, FixInput } from './fix'
import { addOptionEdits } from './relation-options'
import { replaceNameFixes } from './replace-name'

export function pivotTableFixes(input: FixInput): Fix[] {
  const { index, file, finding } = input
  const written = replaceNameFixes(input)
  if (written.length > 0 || finding.suggestion === undefined) return written
  const site = relationAt(index, file, finding.start)
  const fact = site?.relation.fact
  if (!fact || fact.kind !== 'manyToMany' || fact.manyToMany?.pivotTable) return []
  const edits = addOptionEdits(index.ts, fact, [['pivotTable', finding.suggestion]])
  return edits ? [{ title: `Set pivotTable to '${finding.suggestion}'`, preferred: true, edits }] : []
}
