// Lucid's `Preloader` (orm/preloader/index.ts) plus the relation matching of `setRelatedForMany`.
// Relations are booted when registered (so unknown relations and bad keys fail at `preload()`), and
// each relation's eager query is queued on the runtime, where Lucid would `Promise.all` them.
import { setBelongsToForMany } from './belongs-to-match'
import type { UserCallback } from './chainable'
import { setManyToManyForMany } from './many-to-many-match'
import { runtimeError, undefinedRelationship } from './errors'
import { attributeValue, type ModelInstance } from './model-instance'
import type { ModelQuery } from './model-query'
import type { BootedRelation, ModelMeta } from './model-registry'
import type { Runtime } from './runtime'

interface Preload {
  relation: BootedRelation
  callback: UserCallback<ModelQuery> | undefined
}

export class Preloader {
  private readonly preloads = new Map<string, Preload>()

  constructor(
    private readonly model: ModelMeta,
    private readonly runtime: Runtime,
  ) {}

  load(name: string, callback?: UserCallback<ModelQuery>): this {
    if (!this.model.hasRelation(name)) throw undefinedRelationship(name, this.model.name)
    const relation = this.runtime.registry.boot(this.model, name)
    this.preloads.set(name, { relation, callback })
    return this
  }

  /** After a query: nothing to do without parents (Lucid skips the eager queries entirely). */
  processAllForMany(parents: ModelInstance[]): void {
    if (!parents.length) return
    for (const preload of this.preloads.values()) {
      this.runtime.schedule(() => this.process(preload, parents))
    }
  }

  /** `instance.load(name, cb)`: the single-parent constraint is `=` rather than `in`. */
  processAllForOne(parent: ModelInstance): void {
    for (const preload of this.preloads.values()) {
      this.runtime.schedule(() => this.process(preload, parent))
    }
  }

  private async process({ relation, callback }: Preload, parent: ModelInstance | ModelInstance[]) {
    const query = this.runtime.factory.eagerQuery(relation, parent)
    if (typeof callback === 'function') callback(query)
    const result = await query.selectRelationKeys().exec()
    if (Array.isArray(parent)) {
      if (relation.kind === 'belongsTo') setBelongsToForMany(relation, parent, result)
      else if (relation.kind === 'manyToMany') setManyToManyForMany(relation, parent, result)
      else setRelatedForMany(relation, parent, result)
    } else {
      const many = relation.kind === 'hasMany' || relation.kind === 'manyToMany'
      parent.preloaded.set(relation.name, many ? result : (result[0] ?? null))
    }
  }
}

/**
 * Strict `===` between `related[foreignKey]` and `parent[localKey]`, as Lucid does: a string FK
 * never matches a numeric key. Unmatched rows are dropped; a parent with no rows gets `[]` (`null`
 * for hasOne). Rows are grouped once by foreign key (Lucid 21 filters all rows per parent, which is
 * quadratic; upstream PR #1187 made the same change with identical results). A Map compares with
 * SameValueZero, which differs from === only for NaN, a value no driver returns as a key.
 */
export function setRelatedForMany(relation: BootedRelation, parents: ModelInstance[], rows: ModelInstance[]) {
  if (relation.kind !== 'hasOne' && relation.kind !== 'hasMany') {
    throw runtimeError(`Cannot match "${relation.kind}" relations`)
  }
  const byKey = new Map<unknown, ModelInstance[]>()
  for (const row of rows) {
    const key = attributeValue(row, relation.foreignKey)
    const group = byKey.get(key)
    if (group) group.push(row)
    else byKey.set(key, [row])
  }
  for (const parent of parents) {
    const value = attributeValue(parent, relation.localKey)
    const related = value === undefined ? [] : (byKey.get(value) ?? [])
    // A parent list can hold the same key twice: each parent gets its own array, as with filter().
    parent.preloaded.set(relation.name, relation.kind === 'hasOne' ? (related[0] ?? null) : [...related])
  }
}
