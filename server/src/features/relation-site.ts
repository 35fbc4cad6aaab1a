// The relation whose decorator holds an offset, with its parent model, related model and keys:
// what the key fixes, the refactors and the inlay hints all start from.
import type * as TS from 'typescript'
import {
  resolveHasManyKeys,
  resolveRelation,
  type LucidModel,
  type ModelIndex,
  type ModelRelation,
  type RelationKeys,
  type ResolvedRelation,
} from '../analysis'
import { fileFacts } from '../analysis/file-facts'

export interface RelationSite {
  parent: LucidModel
  relation: ModelRelation
  related?: LucidModel
  /** Resolved for hasMany/hasOne with a known related model and naming strategy. */
  keys?: RelationKeys
  /** Every kind's keys (and pivot, through model), as the checks resolve them. */
  resolved?: ResolvedRelation
}

/** Relations of `file` whose decorator spans `offset` (or, with `end`, overlaps [offset, end]). */
export function relationsIn(
  index: ModelIndex,
  file: TS.SourceFile,
  offset = 0,
  end = Infinity,
): RelationSite[] {
  const out: RelationSite[] = []
  for (const cls of fileFacts(index.ts, file).classes) {
    const overlaps = cls.relations.filter(
      (fact) => fact.decorator.getStart(file) <= end && offset <= fact.decorator.getEnd(),
    )
    const parent = overlaps.length > 0 ? index.modelOf(cls.node) : undefined
    if (!parent) continue
    for (const fact of overlaps) out.push(siteOf(index, parent, { fact, declaredBy: cls }))
  }
  return out
}

export function relationAt(index: ModelIndex, file: TS.SourceFile, offset: number): RelationSite | undefined {
  return relationsIn(index, file, offset, offset)[0]
}

function siteOf(index: ModelIndex, parent: LucidModel, relation: ModelRelation): RelationSite {
  const related = index.relatedModel(relation.fact)
  if (related.kind !== 'model') return { parent, relation }
  // hasOne takes its default keys from the parent exactly like hasMany (reference section 1).
  const keyed = relation.fact.kind === 'hasMany' || relation.fact.kind === 'hasOne'
  const keys = keyed ? resolveHasManyKeys(parent, relation, related.model) : undefined
  const site: RelationSite = { parent, relation, related: related.model, keys }
  const resolved = resolveRelation(index, parent, relation)
  if (resolved) site.resolved = resolved
  return site
}
