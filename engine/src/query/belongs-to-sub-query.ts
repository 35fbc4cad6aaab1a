// Lucid's `BelongsToSubQueryBuilder`: the correlated subquery of `has`/`whereHas`/`withCount` on a
// belongsTo relation. The comparison is written from the related side: `<related>.<local key>` =
// `<parent>.<foreign key>`, with the related table aliased `adonis_temp_<N>` on a self relation.
import type { Knex } from 'knex'
import type { ModelQuery } from './model-query'
import { SubQuery } from './sub-query'

export class BelongsToSubQuery extends SubQuery {
  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    return new BelongsToSubQuery(builder, this.runtime, this.relation)
  }

  override applyConstraints(): void {
    if (this.appliedConstraints) return
    this.appliedConstraints = true
    const relatedTable = this.relation.related.table
    const localTable = this.relation.parent.table
    let tablePrefix = relatedTable
    if (relatedTable === localTable) {
      this.knexQuery.from(`${relatedTable} as ${this.selfJoinAlias}`)
      tablePrefix = this.selfJoinAlias
    }
    this.wrapExisting().where(
      `${tablePrefix}.${this.relation.localKeyColumn}`,
      this.runtime.knex.ref(`${localTable}.${this.relation.foreignKeyColumn}`),
    )
  }
}
