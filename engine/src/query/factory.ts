// Creates the builders for one runtime. Builders reach each other through this factory rather than
// through imports, because `ModelQuery` creates subqueries whose class extends `ModelQuery`.
// Every relation builder gets the relation's `onQuery` here, as Lucid's query client does, and
// only here: persistence through a relation uses plain model queries, which never see it.
import { BelongsToQuery } from './belongs-to-query'
import { BelongsToSubQuery } from './belongs-to-sub-query'
import { ManyToManyQuery } from './many-to-many-query'
import { ManyToManySubQuery } from './many-to-many-sub-query'
import { ModelQuery } from './model-query'
import type { ModelInstance } from './model-instance'
import type { BootedRelation, ModelMeta } from './model-registry'
import { applyOnQuery } from './on-query'
import { RelatedQuery } from './relation-query'
import type { QueryFactory, Runtime } from './runtime'
import { SubQuery } from './sub-query'

export function createQueryFactory(runtime: Runtime): QueryFactory {
  const relationQuery = (relation: BootedRelation, parent: ModelInstance | ModelInstance[]) => {
    const Builder =
      relation.kind === 'belongsTo'
        ? BelongsToQuery
        : relation.kind === 'manyToMany'
          ? ManyToManyQuery
          : RelatedQuery
    return new Builder(runtime.knex.queryBuilder(), runtime, parent, relation)
  }
  return {
    modelQuery: (model: ModelMeta) => new ModelQuery(runtime.knex.queryBuilder(), model, runtime),
    relatedQuery: (relation: BootedRelation, parent: ModelInstance) => {
      const query = relationQuery(relation, parent)
      applyOnQuery(runtime, relation, query)
      return query
    },
    eagerQuery: (relation: BootedRelation, parent: ModelInstance | ModelInstance[]) => {
      const query = relationQuery(relation, parent)
      // Set before the hook runs, so `if (query.isRelatedPreloadQuery)` sees it (query_client.ts).
      query.isRelatedPreloadQuery = true
      applyOnQuery(runtime, relation, query)
      return query
    },
    subQuery: (relation: BootedRelation) => {
      const Builder =
        relation.kind === 'belongsTo'
          ? BelongsToSubQuery
          : relation.kind === 'manyToMany'
            ? ManyToManySubQuery
            : SubQuery
      const query = new Builder(runtime.knex.queryBuilder(), runtime, relation)
      applyOnQuery(runtime, relation, query)
      return query
    },
  }
}
