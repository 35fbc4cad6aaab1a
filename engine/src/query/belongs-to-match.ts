// Matching belongsTo rows to their parents after an eager query. Kept apart from the builders:
// the preloader imports it, and the builders import the preloader.
import { attributeValue, type ModelInstance } from './model-instance'
import type { BootedRelation } from './model-registry'

/**
 * Lucid's `BelongsTo.setRelatedForMany`: each parent gets the first row whose local key is defined
 * and strictly equal to the parent's foreign key, or null.
 */
export function setBelongsToForMany(
  relation: BootedRelation,
  parents: ModelInstance[],
  rows: ModelInstance[],
): void {
  for (const parent of parents) {
    const value = attributeValue(parent, relation.foreignKey)
    const match = rows.find((row) => {
      const key = attributeValue(row, relation.localKey)
      return key !== undefined && value === key
    })
    parent.preloaded.set(relation.name, match ?? null)
  }
}
