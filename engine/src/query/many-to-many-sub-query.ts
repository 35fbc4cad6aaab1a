// Lucid's `ManyToManySubQueryBuilder`: the correlated subquery of `has`/`whereHas`/`withCount` on a
// manyToMany relation. The related table is joined to the pivot table and the parent table's local
// key is compared with the pivot's foreign key; a self relation aliases the related table.
import type { Knex } from 'knex'
import { pivotOf, prefixPivotTable } from './many-to-many-pivot'
import type { ModelQuery } from './model-query'
import { SubQuery } from './sub-query'

export class ManyToManySubQuery extends SubQuery {
  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    return new ManyToManySubQuery(builder, this.runtime, this.relation)
  }

  private prefixRelatedTable(column: string): string {
    if (column.includes('.')) return column
    const { related, parent } = this.relation
    return related.table === parent.table ? `${this.selfJoinAlias}.${column}` : `${related.table}.${column}`
  }

  override select(...args: unknown[]): this {
    const columns = Array.isArray(args[0]) ? (args[0] as unknown[]) : args
    const mapped = columns.map((column) =>
      typeof column === 'string'
        ? this.prefixRelatedTable(String(this.resolveKey(column)))
        : this.transformValue(column),
    )
    this.knexQuery.select(mapped as string[])
    return this
  }

  /** Lucid aliases the related table when the related model is the parent model itself. */
  override applyConstraints(): void {
    if (this.appliedConstraints) return
    this.appliedConstraints = true
    const { related, parent } = this.relation
    const pivot = pivotOf(this.relation)
    let tablePrefix = related.table
    if (related === parent) {
      this.knexQuery.from(`${related.table} as ${this.selfJoinAlias}`)
      tablePrefix = this.selfJoinAlias
    }
    this.knexQuery.innerJoin(
      pivot.table,
      `${tablePrefix}.${this.relation.foreignKeyColumn}`,
      `${pivot.table}.${pivot.relatedForeignKey}`,
    )
    this.wrapExisting().where(
      `${parent.table}.${this.relation.localKeyColumn}`,
      this.runtime.knex.ref(prefixPivotTable(this.relation, pivot.foreignKey)),
    )
  }
}
