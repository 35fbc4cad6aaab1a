// Lucid's `HasManySubQueryBuilder` (also hasOne's, which is identical): the correlated subquery of
// `has`/`whereHas`/`withCount`/`withAggregate`. Its constraint compares the parent table's local key
// column with the related table's foreign key column; a self relation aliases the related table
// `adonis_temp_<N>` (lucid-hasmany.md 4.4).
import type { Knex } from 'knex'
import { runtimeError } from './errors'
import type { ModelInstance } from './model-instance'
import { ModelQuery } from './model-query'
import type { BootedRelation } from './model-registry'
import type { Runtime } from './runtime'

export class SubQuery extends ModelQuery {
  /** Lucid's flags, which `onQuery` bodies branch on (lucid-hasmany.md section 7). */
  readonly isRelatedQuery = false
  readonly isRelatedSubQuery = true
  readonly isRelatedPreloadQuery = false
  /** Copied from the outer builder's `joinCounter` before the user callback runs. */
  selfJoinCounter = 0
  protected appliedConstraints = false

  constructor(
    knexQuery: Knex.QueryBuilder,
    runtime: Runtime,
    readonly relation: BootedRelation,
  ) {
    super(knexQuery, relation.related, runtime)
  }

  get selfJoinAlias(): string {
    return `adonis_temp_${this.selfJoinCounter}`
  }

  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    return new SubQuery(builder, this.runtime, this.relation)
  }

  applyConstraints(): void {
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
      `${localTable}.${this.relation.localKeyColumn}`,
      this.runtime.knex.ref(`${tablePrefix}.${this.relation.foreignKeyColumn}`),
    )
  }

  prepare(): this {
    this.applyConstraints()
    return this
  }

  toSQL(): Knex.Sql {
    this.prepare()
    this.applyWhere()
    return this.knexQuery.toSQL()
  }

  override async exec(): Promise<ModelInstance[]> {
    throw runtimeError('Cannot execute relationship subqueries')
  }

  override async first(): Promise<ModelInstance | null> {
    throw runtimeError('Cannot execute relationship subqueries')
  }
}
