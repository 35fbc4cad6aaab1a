// Lucid's `ManyToManyQueryBuilder` (relations/many_to_many/query_builder.ts): the builder of
// `user.related('skills').query()` and of manyToMany eager queries. The related table is joined to
// the pivot table, the parent's key is matched against the pivot's foreign key, and the pivot keys
// and columns are selected as `pivot_<column>` extras. Selected columns get the related table prefix.
import type { Knex } from 'knex'
import { PreviewError } from './errors'
import type { ModelQuery } from './model-query'
import { pivotColumns, pivotOf, prefixPivotTable } from './many-to-many-pivot'
import { RelatedQuery } from './relation-query'

export class ManyToManyQuery extends RelatedQuery {
  /** Set by `select()`: then `applyConstraints` does not add `<related table>.*`. */
  cherryPickingKeys = false

  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    const child = new ManyToManyQuery(builder, this.runtime, this.parent, this.relation)
    child.isRelatedPreloadQuery = this.isRelatedPreloadQuery
    return child
  }

  private get relatedTable(): string {
    return this.relation.related.table
  }

  prefixRelatedTable(column: string): string {
    return column.includes('.') ? column : `${this.relatedTable}.${column}`
  }

  override select(...args: unknown[]): this {
    const columns = Array.isArray(args[0]) ? (args[0] as unknown[]) : args
    this.cherryPickingKeys = true
    const mapped = columns.map((column) =>
      typeof column === 'string'
        ? this.prefixRelatedTable(String(this.resolveKey(column)))
        : this.transformValue(column),
    )
    this.knexQuery.select(mapped as string[])
    return this
  }

  /** Pivot timestamps are selected as Lucid does; their extras stay as the driver returns them. */
  private pivotSelection(): string[] {
    const pivot = pivotOf(this.relation)
    const { createdAt, updatedAt } = pivot.timestamps
    const timestamps = [createdAt, updatedAt].filter((one): one is string => one !== undefined)
    return [pivot.foreignKey, pivot.relatedForeignKey, ...pivot.columns, ...timestamps]
  }

  override applyConstraints(): void {
    if (this.appliedConstraints) return
    this.appliedConstraints = true
    if (!this.hasAggregates) {
      if (!this.cherryPickingKeys) this.select('*')
      pivotColumns(this, this.pivotSelection(), true)
    }
    const pivot = pivotOf(this.relation)
    this.knexQuery.innerJoin(
      pivot.table,
      `${this.relatedTable}.${this.relation.foreignKeyColumn}`,
      `${pivot.table}.${pivot.relatedForeignKey}`,
    )
    const column = prefixPivotTable(this.relation, pivot.foreignKey)
    if (Array.isArray(this.parent)) {
      const values = [...new Set(this.parent.map((parent) => this.keyValue(parent)))]
      this.wrapExisting().whereIn('whereIn', column, values)
      return
    }
    this.wrapExisting().where(column, this.keyValue(this.parent))
  }

  /** Lucid's `getRelationKeys`: the related key, prefixed with the related table. */
  override selectRelationKeys(): this {
    const columns = this.statements().find(({ grouping }) => grouping === 'columns')
    if (!columns) return this
    const key = this.resolveKey(this.prefixRelatedTable(this.relation.foreignKeyColumn))
    if (!columns.value.includes(key)) columns.value.push(key)
    return this
  }

  /** Only a preload refuses to paginate (a manyToMany is never a hasOne). */
  override ensurePaginatable(): void {
    if (this.isRelatedPreloadQuery) {
      throw new PreviewError(
        `Cannot paginate relationship "${this.relation.name}" during preload`,
        'E_RUNTIME_EXCEPTION',
      )
    }
  }

  protected override groupPartitionColumn(): string {
    return prefixPivotTable(this.relation, pivotOf(this.relation).foreignKey)
  }

  protected override groupDefaultOrderColumn(): string {
    return this.prefixRelatedTable(String(this.resolveKey(this.relation.related.primaryKey)))
  }
}
