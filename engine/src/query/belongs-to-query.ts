// Lucid's `BelongsToQueryBuilder` (relations/belongs_to/query_builder.ts): the builder of
// `post.related('author').query()` and of belongsTo eager queries. The keys run the other way from
// hasMany: the parent's foreign key value is matched against the related model's local key.
import type { Knex } from 'knex'
import { PreviewError } from './errors'
import { attributeValue } from './model-instance'
import type { ModelQuery } from './model-query'
import { RelatedQuery } from './relation-query'

export class BelongsToQuery extends RelatedQuery {
  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    const child = new BelongsToQuery(builder, this.runtime, this.parent, this.relation)
    child.isRelatedPreloadQuery = this.isRelatedPreloadQuery
    return child
  }

  /** Lucid's `raiseMissingForeignKey`: the action is always "preload", whatever the query does. */
  private missingForeignKey(): PreviewError {
    const { name, parent, foreignKey } = this.relation
    return new PreviewError(
      `Cannot preload "${name}", value of "${parent.name}.${foreignKey}" is undefined. ` +
        'Make sure to set "null" as the default value for foreign keys',
      'E_MISSING_VALUE',
    )
  }

  /**
   * Only an undefined foreign key fails. For many parents, null keys are left out (every one null
   * gives `whereIn` an empty list); for one parent, null is compared as `is null`.
   */
  override applyConstraints(): void {
    if (this.appliedConstraints) return
    this.appliedConstraints = true
    const action = this.queryAction()
    const { foreignKey, localKey } = this.relation
    if (Array.isArray(this.parent)) {
      const values = this.parent
        .map((parent) => attributeValue(parent, foreignKey))
        .filter((value) => {
          if (value === undefined) throw this.missingForeignKey()
          return value !== null
        })
      this.wrapExisting().whereIn('whereIn', localKey, [...new Set(values)])
      return
    }
    const value = attributeValue(this.parent, foreignKey)
    if (value === undefined) throw this.missingForeignKey()
    this.wrapExisting().where(localKey, value)
    if (action !== 'update' && action !== 'delete') this.limit(1)
  }

  /** The related model's local key is the column the parents are matched on. */
  override selectRelationKeys(): this {
    const columns = this.statements().find(({ grouping }) => grouping === 'columns')
    if (!columns) return this
    const key = this.resolveKey(this.relation.localKey)
    if (!columns.value.includes(key)) columns.value.push(key)
    return this
  }

  /** Lucid throws a plain `Error` here, in and outside preloads alike. */
  override ensurePaginatable(): void {
    throw new PreviewError(
      `Cannot paginate a belongsTo relationship "(${this.relation.name})"`,
      'E_RUNTIME_EXCEPTION',
    )
  }

  protected override groupLimitQuery(): ModelQuery {
    throw new PreviewError(
      `Cannot apply groupLimit or groupOrderBy on a belongsTo relationship "(${this.relation.name})"`,
      'E_RUNTIME_EXCEPTION',
    )
  }
}
