// How a relation reads in the pickers (and for the graph's edge labels): its keys as a user looks
// for them. A manyToMany is read by its pivot table, a hasManyThrough by the model in between;
// belongsTo reads from its own foreign key to the related key. Pure.
import type { RelationSummary } from '../../server/src/protocol'

/** `id → userId`, `via post_tag (post_id → tag_id)`, `through Post (userId → postId)`; undefined when unresolved. */
export function relationKeys(relation: RelationSummary): string | undefined {
  const { localKey, foreignKey, pivot, through } = relation
  if (pivot) return `via ${pivot.table} (${pivot.foreignKey} → ${pivot.relatedForeignKey})`
  if (!localKey || !foreignKey) return undefined
  if (through) return `through ${through.model} (${foreignKey} → ${through.foreignKey})`
  return relation.kind === 'belongsTo' ? `${foreignKey} → ${localKey}` : `${localKey} → ${foreignKey}`
}

/** `tags: via post_tag (post_id → tag_id)`, or `tags (manyToMany)` when the keys are unresolved. */
export function relationLabel(relation: RelationSummary): string {
  const keys = relationKeys(relation)
  return keys ? `${relation.name}: ${keys}` : `${relation.name} (${relation.kind})`
}
