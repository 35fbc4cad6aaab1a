// Creates the builders for one runtime. Builders reach each other through this factory rather than
// through imports, because `ModelQuery` creates subqueries whose class extends `ModelQuery`.
import { ModelQuery } from './model-query'
import type { ModelInstance } from './model-instance'
import type { BootedRelation, ModelMeta } from './model-registry'
import { RelatedQuery } from './relation-query'
import type { QueryFactory, Runtime } from './runtime'
import { SubQuery } from './sub-query'

export function createQueryFactory(runtime: Runtime): QueryFactory {
  // onQuery bodies do not reach the engine in this slice: run without them and say so, once each.
  const warnOnQuery = (relation: BootedRelation) => {
    if (!relation.parent.relationInfo(relation.name)?.hasOnQuery) return
    runtime.warn(
      `The onQuery hook of "${relation.parent.name}.${relation.name}" is not applied in previews yet`,
    )
  }
  return {
    modelQuery: (model: ModelMeta) => new ModelQuery(runtime.knex.queryBuilder(), model, runtime),
    relatedQuery: (relation: BootedRelation, parent: ModelInstance) => {
      warnOnQuery(relation)
      return new RelatedQuery(runtime.knex.queryBuilder(), runtime, parent, relation)
    },
    eagerQuery: (relation: BootedRelation, parent: ModelInstance | ModelInstance[]) => {
      warnOnQuery(relation)
      const query = new RelatedQuery(runtime.knex.queryBuilder(), runtime, parent, relation)
      query.isRelatedPreloadQuery = true
      return query
    },
    subQuery: (relation: BootedRelation) => {
      warnOnQuery(relation)
      return new SubQuery(runtime.knex.queryBuilder(), runtime, relation)
    },
  }
}
