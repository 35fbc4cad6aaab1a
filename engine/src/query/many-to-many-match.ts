// Matching manyToMany rows to their parents after an eager query. Kept apart from the builders:
// the preloader imports it, and the builders import the preloader.
import { pivotAlias, pivotOf } from './many-to-many-pivot'
import { attributeValue, type ModelInstance } from './model-instance'
import type { BootedRelation } from './model-registry'

/**
 * Lucid's `ManyToMany.setRelatedForMany`: each parent gets every row whose `pivot_<foreign key>`
 * extra is strictly equal to the parent's local key; a row related to several parents is shared.
 */
export function setManyToManyForMany(
  relation: BootedRelation,
  parents: ModelInstance[],
  rows: ModelInstance[],
): void {
  const alias = pivotAlias(pivotOf(relation).foreignKey)
  for (const parent of parents) {
    const value = attributeValue(parent, relation.localKey)
    const related = rows.filter((row) => value !== undefined && row.extras[alias] === value)
    parent.preloaded.set(relation.name, related)
  }
}
