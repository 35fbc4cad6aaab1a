// LL104: a default foreign key (foreignKey, or hasManyThrough's throughForeignKey) is missing on the
// model it must be a column of. Either add the column there, or, when that model has exactly one
// column that plausibly is the key, name it in the options. For belongsTo that is the column named
// after the relation (`editorId` for `editor`), which Lucid does not derive but people expect.
import { camelCase } from '../../../../engine/src/naming'
import type { ResolvedKey } from '../../analysis'
import { isExternalFile } from '../../analysis/resolve'
import { addColumnEdits } from './column-member'
import type { Fix, FixInput } from './fix'
import { relationAt, type RelationSite } from '../relation-site'
import { addOptionEdits } from './relation-options'

export function missingForeignKeyFixes({ index, file, finding }: FixInput): Fix[] {
  const site = relationAt(index, file, finding.start)
  const resolved = site?.resolved
  const key = resolved?.keys.find(
    (k) =>
      (k.role === 'foreignKey' || k.role === 'throughForeignKey') &&
      !k.option &&
      !k.column &&
      finding.message.includes(`"${k.name}"`),
  )
  if (!site || !resolved || !key || isExternalFile(key.owner.file)) return []
  const pair = resolved.pairs.find((p) => p.foreign === key)
  const type = pair?.local.column?.fact.baseType ?? 'number'
  const columns = [...key.owner.columns.keys()]
  const candidate = plausibleKey(site, key, columns)
  const edits = candidate ? addOptionEdits(index.ts, site.relation.fact, [[key.role, candidate]]) : undefined
  const setKey: Fix | undefined =
    candidate && edits ? { title: `Set ${key.role} to '${candidate}'`, edits } : undefined
  const addColumn: Fix = {
    title: `Add column '${key.name}' to ${key.owner.name}`,
    edits: addColumnEdits(index, key.owner, key.name, type),
  }
  // A belongsTo column named after the relation is what was meant; otherwise the column is missing.
  const named = setKey && candidate === relationNamedKey(site)
  if (setKey && named) return [{ ...setKey, preferred: true }, addColumn]
  return setKey ? [{ ...addColumn, preferred: true }, setKey] : [{ ...addColumn, preferred: true }]
}

/** belongsTo's `camelCase(relation + "_" + related primary key)`: `editorId` for `editor`. */
function relationNamedKey(site: RelationSite): string | undefined {
  const related = site.related
  if (site.relation.fact.kind !== 'belongsTo' || !related) return undefined
  return camelCase(`${site.relation.fact.name}_${related.primaryKey}`, related.strategy?.generation ?? 'v7')
}

/** The only column named like the key with a prefix or in another case (`parentOrderId`, `orderID`). */
function plausibleKey(site: RelationSite, key: ResolvedKey, columns: string[]): string | undefined {
  const named = relationNamedKey(site)
  if (named && columns.includes(named)) return named
  const from = key.role === 'throughForeignKey' ? site.resolved?.through : site.parent
  const source = site.relation.fact.kind === 'belongsTo' ? site.related : from
  const lowerKey = key.name.toLowerCase()
  const lowerParent = (source?.name ?? '').toLowerCase()
  const matches = columns.filter((c) => {
    const lower = c.toLowerCase()
    return c !== key.name && (lower.endsWith(lowerKey) || (lower.includes(lowerParent) && /I[dD]$/.test(c)))
  })
  return matches.length === 1 ? matches[0] : undefined
}
