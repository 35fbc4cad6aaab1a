// Lucid's `Preloader` (orm/preloader/index.ts) plus the relation matching of `setRelatedForMany`.
// Relations are booted when registered (so unknown relations and bad keys fail at `preload()`), and
// each relation's eager query is queued on the runtime, where Lucid would `Promise.all` them.
import type { UserCallback } from './chainable'
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
      setRelatedForMany(relation, parent, result)
    } else {
      parent.preloaded.set(relation.name, relation.kind === 'hasOne' ? (result[0] ?? null) : result)
    }
  }
}

/**
 * Strict `===` between `related[foreignKey]` and `parent[localKey]`, as Lucid does: a string FK
 * never matches a numeric key. Unmatched rows are dropped; a parent with no rows gets `[]` (`null`
 * for hasOne).
 */
export function setRelatedForMany(relation: BootedRelation, parents: ModelInstance[], rows: ModelInstance[]) {
  for (const parent of parents) {
    const value = attributeValue(parent, relation.localKey)
    const isRelated = (row: ModelInstance) =>
      value !== undefined && attributeValue(row, relation.foreignKey) === value
    if (relation.kind === 'hasOne') {
      parent.preloaded.set(relation.name, rows.find(isRelated) ?? null)
    } else if (relation.kind === 'hasMany') {
      parent.preloaded.set(relation.name, rows.filter(isRelated))
    } else {
      throw runtimeError(`Cannot match "${relation.kind}" relations`)
    }
  }
}
