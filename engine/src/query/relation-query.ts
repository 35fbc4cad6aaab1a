// Lucid's `HasManyQueryBuilder` / `HasOneQueryBuilder` over `BaseQueryBuilder`: the builder of
// `user.related('posts').query()` and of eager (preload) queries. The relation constraint is lazy:
// it is added last, in its own where group, when the query compiles or runs (lucid-hasmany.md 4.1).
import type { Knex } from 'knex'
import { missingKeyValue, runtimeError } from './errors'
import { attributeValue, type ModelInstance } from './model-instance'
import { groupLimitWindow, GROUP_LIMIT_ROW } from './group-limit-window'
import { ModelQuery } from './model-query'
import type { Paginated } from './paginator'
import type { BootedRelation } from './model-registry'
import type { Runtime } from './runtime'

export class RelatedQuery extends ModelQuery {
  /** Lucid's flags, which `onQuery` bodies branch on (lucid-hasmany.md section 7). */
  readonly isRelatedQuery = true
  readonly isRelatedSubQuery = false
  isRelatedPreloadQuery = false
  groupConstraints: { limit?: unknown; orderBy?: { column: unknown; direction: unknown } } = {}
  protected appliedConstraints = false

  constructor(
    knexQuery: Knex.QueryBuilder,
    runtime: Runtime,
    readonly parent: ModelInstance | ModelInstance[],
    readonly relation: BootedRelation,
  ) {
    super(knexQuery, relation.related, runtime)
  }

  protected override createChild(builder: Knex.QueryBuilder): ModelQuery {
    const child = new RelatedQuery(builder, this.runtime, this.parent, this.relation)
    child.isRelatedPreloadQuery = this.isRelatedPreloadQuery
    return child
  }

  /** The `<action>` of `Cannot <action> "posts", value of "User.id" is undefined`: knex's method. */
  protected queryAction(): string {
    const method = (this.knexQuery as unknown as { _method?: string })._method ?? 'select'
    if (method === 'del') return 'delete'
    return method === 'select' && this.isRelatedPreloadQuery ? 'preload' : method
  }

  protected keyValue(parent: ModelInstance): unknown {
    const value = attributeValue(parent, this.relation.localKey)
    if (value === undefined || value === null) {
      throw missingKeyValue(
        this.queryAction(),
        this.relation.name,
        this.relation.parent.name,
        this.relation.localKey,
      )
    }
    return value
  }

  applyConstraints(): void {
    if (this.appliedConstraints) return
    this.appliedConstraints = true
    if (Array.isArray(this.parent)) {
      const values = [...new Set(this.parent.map((parent) => this.keyValue(parent)))]
      this.wrapExisting().whereIn('whereIn', this.relation.foreignKey, values)
      return
    }
    this.wrapExisting().where(this.relation.foreignKey, this.keyValue(this.parent))
    if (this.relation.kind === 'hasOne') this.limit(1)
  }

  /** Adds the foreign key column to the first `select` when columns were selected (Lucid's rule). */
  selectRelationKeys(): this {
    const columns = this.statements().find(({ grouping }) => grouping === 'columns')
    if (!columns) return this
    const key = this.resolveKey(this.relation.foreignKey)
    if (!columns.value.includes(key)) columns.value.push(key)
    return this
  }

  groupLimit(limit: unknown): this {
    this.groupConstraints.limit = limit
    return this
  }

  groupOrderBy(column: unknown, direction?: unknown): this {
    this.groupConstraints.orderBy = { column, direction }
    return this
  }

  override async exec(): Promise<ModelInstance[]> {
    this.applyConstraints()
    if (this.isRelatedPreloadQuery) {
      return this.groupConstraints.limit ? this.groupLimitQuery().exec() : super.exec()
    }
    // Outside preloads groupLimit/groupOrderBy degrade to a plain limit and order by.
    if (this.groupConstraints.limit) this.limit(this.groupConstraints.limit)
    const order = this.groupConstraints.orderBy
    if (order) this.orderBy(order.column, order.direction)
    return super.exec()
  }

  /** Lucid throws these synchronously, so inside a preload callback too (lucid-hasmany.md 4.2). */
  ensurePaginatable(): void {
    if (this.relation.kind === 'hasOne') {
      throw runtimeError(`Cannot paginate a hasOne relationship "(${this.relation.name})"`)
    }
    if (this.isRelatedPreloadQuery) {
      throw runtimeError(`Cannot paginate relationship "${this.relation.name}" during preload`)
    }
  }

  /** The count query and the page query both carry the constraint; `groupLimit` is ignored here. */
  override async paginate(page: unknown, perPage: unknown = 20): Promise<Paginated> {
    this.ensurePaginatable()
    this.applyConstraints()
    return super.paginate(page, perPage)
  }

  override async first(): Promise<ModelInstance | null> {
    this.applyConstraints()
    return super.first()
  }

  /** The window's partition: the foreign key column (manyToMany: the pivot's, prefixed). */
  protected groupPartitionColumn(): string {
    return this.relation.foreignKeyColumn
  }

  /** The window's order without `groupOrderBy`: the related primary key (manyToMany: prefixed). */
  protected groupDefaultOrderColumn(): string {
    return String(this.resolveKey(this.relation.related.primaryKey))
  }

  /**
   * Lucid's `getGroupLimitQuery`: this query with the window (group-limit-window.ts) as
   * `adonis_temp`, inside a fresh `Related.query()` sharing this query's preloader, so nested
   * preloads still run.
   */
  protected groupLimitQuery(): ModelQuery {
    if (this.relation.kind === 'hasOne') {
      throw runtimeError(
        `Cannot apply groupLimit or groupOrderBy on hasOne relationship "(${this.relation.name})"`,
      )
    }
    const defaultColumn = this.groupDefaultOrderColumn()
    const partitionBy = this.groupPartitionColumn()
    if (!this.statements().some(({ grouping }) => grouping === 'columns')) this.select('*')
    const window = groupLimitWindow(this.runtime, partitionBy, this.groupConstraints.orderBy, defaultColumn)
    this.select(window).as('adonis_temp')
    const groupQuery = this.runtime.factory.modelQuery(this.relation.related)
    groupQuery.preloader = this.preloader
    return groupQuery.from(this).where(GROUP_LIMIT_ROW, '<=', this.groupConstraints.limit)
  }
}
