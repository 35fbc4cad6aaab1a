// LL104: the default foreign key is missing on the related model. Either add the column there, or,
// when the related model has exactly one column that plausibly is the key, name it in the options.
import { isExternalFile } from '../../analysis/resolve'
import { addColumnEdits } from './column-member'
import type { Fix, FixInput } from './fix'
import { relationAt } from '../relation-site'
import { addOptionEdits } from './relation-options'

export function missingForeignKeyFixes({ index, file, finding }: FixInput): Fix[] {
  const site = relationAt(index, file, finding.start)
  const key = site?.keys?.foreignKey
  const related = site?.related
  if (!site || !key || !related || key.option || key.column || isExternalFile(related.file)) return []
  const type = site.keys?.localKey.column?.fact.baseType ?? 'number'
  const fixes: Fix[] = [
    {
      title: `Add column '${key.name}' to ${related.name}`,
      preferred: true,
      edits: addColumnEdits(index, related, key.name, type),
    },
  ]
  const candidate = plausibleKey(key.name, site.parent.name, [...related.columns.keys()])
  const edits = candidate
    ? addOptionEdits(index.ts, site.relation.fact, [['foreignKey', candidate]])
    : undefined
  if (candidate && edits) fixes.push({ title: `Set foreignKey to '${candidate}'`, edits })
  return fixes
}

/** The only column named like the key with a prefix or in another case (`parentOrderId`, `orderID`). */
function plausibleKey(key: string, parentName: string, columns: string[]): string | undefined {
  const lowerKey = key.toLowerCase()
  const lowerParent = parentName.toLowerCase()
  const matches = columns.filter((c) => {
    const lower = c.toLowerCase()
    return c !== key && (lower.endsWith(lowerKey) || (lower.includes(lowerParent) && /I[dD]$/.test(c)))
  })
  return matches.length === 1 ? matches[0] : undefined
}
