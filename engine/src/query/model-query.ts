// Lucid's `ModelQueryBuilder` (orm/query_builder/index.ts): the builder of `Model.query()`, and the
// base of relation queries. It owns relationship subqueries (`has`, `whereHas`, `withCount`,
// `withAggregate`), preloads and execution. Execution hydrates rows and queues preloads on the
// runtime instead of awaiting them, so statements run in Lucid's breadth-first order.
import type { Knex } from 'knex'
import { Chainable, type UserCallback } from './chainable'
import { rowNotFound, runtimeError, undefinedRelationship } from './errors'
import { hydrate, type ModelInstance } from './model-instance'
import type { BootedRelation, ModelMeta } from './model-registry'
import { Paginated } from './paginator'
import { Preloader } from './preloader'
import { placeholderRow } from '../connection/sketch-executor'
import { comparisonOperator } from './sql-text'
import type { Runtime } from './runtime'

/** How `addWhereHas` combines: `has`/`whereHas` = and, `orHas` = or, `doesntHave` = not, ... */
export type WhereHasBoolean = 'and' | 'or' | 'not' | 'orNot'

export class ModelQuery extends Chainable {
  /** Bumped by every `withAggregate`/`withCount`; names self-join aliases `adonis_temp_N`. */
  joinCounter = 0
  isChildQuery = false
  preloader: Preloader

  constructor(
    knexQuery: Knex.QueryBuilder,
    model: ModelMeta,
    readonly runtime: Runtime,
  ) {
    super(knexQuery, model)
    this.preloader = new Preloader(model, runtime)
    const single = (knexQuery as unknown as { _single?: { table?: unknown } })._single
    if (!single || !single.table) knexQuery.table(model.table)
  }

  protected createChild(builder: Knex.QueryBuilder): ModelQuery {
    return new ModelQuery(builder, this.model, this.runtime)
  }

  protected childCallback(userFn: UserCallback<this>): (builder: Knex.QueryBuilder) => void {
    return (builder) => {
      const child = this.createChild(builder)
      child.isChildQuery = true
      userFn(child as this)
      child.applyWhere()
    }
  }

  getRelationship(name: string): BootedRelation {
    if (!this.model.hasRelation(name)) throw undefinedRelationship(name, this.model.name)
    return this.runtime.registry.boot(this.model, name)
  }

  whereRaw(method: 'whereRaw' | 'orWhereRaw', sql: string, bindings: unknown[]): this {
    return this.pushWhere(method, [sql, bindings.map((binding) => this.transformValue(binding))])
  }

  addWhereHas(
    relationName: string,
    boolean: WhereHasBoolean,
    operator: unknown,
    value: unknown,
    callback?: UserCallback<ModelQuery>,
  ): this {
    const rawMethod = boolean === 'or' || boolean === 'orNot' ? 'orWhereRaw' : 'whereRaw'
    const existsMethod = {
      and: 'whereExists',
      or: 'orWhereExists',
      not: 'whereNotExists',
      orNot: 'orWhereNotExists',
    }[boolean]
    const subQuery = this.runtime.factory.subQuery(this.getRelationship(relationName))
    subQuery.selfJoinCounter = this.joinCounter
    if (typeof callback === 'function') callback(subQuery)
    if (value !== undefined && operator !== undefined) {
      if (!subQuery.hasAggregates) subQuery.aggregate('count', '*')
      const { sql, bindings } = subQuery.prepare().toSQL()
      const not = boolean === 'orNot' || boolean === 'not' ? 'not ' : ''
      const comparison = comparisonOperator(operator, 'the operator of a relationship count')
      return this.whereRaw(rawMethod, `${not}(${sql}) ${comparison} (?)`, [...bindings, value])
    }
    return this.pushWhere(existsMethod, [this.transformValue(subQuery.prepare())])
  }

  withAggregate(relationName: string, userCallback: UserCallback<ModelQuery>): this {
    const subQuery = this.runtime.factory.subQuery(this.getRelationship(relationName))
    subQuery.selfJoinCounter = this.joinCounter
    userCallback(subQuery)
    if (!subQuery.hasAggregates) throw runtimeError('"withAggregate" callback must use an aggregate function')
    if (!this.columns.length) this.select(`${this.model.table}.*`)
    if (!subQuery.subQueryAlias) {
      throw runtimeError('"withAggregate" callback must define the alias for the aggregate query')
    }
    this.select(subQuery.prepare())
    this.joinCounter++
    return this
  }

  withCount(relationName: string, userCallback?: UserCallback<ModelQuery>): this {
    return this.withAggregate(relationName, (subQuery) => {
      if (typeof userCallback === 'function') userCallback(subQuery)
      if (!subQuery.hasAggregates) {
        // Lucid 22.4 drops order/limit/offset (from onQuery or the callback) first: issue #1155.
        if (this.runtime.registry.generation === 'v7') subQuery.clearOrder().clearLimit().clearOffset()
        subQuery.aggregate('count', '*')
      }
      if (!subQuery.subQueryAlias) subQuery.as(`${relationName}_count`)
    })
  }

  clearOrder(): this {
    this.knexQuery.clearOrder()
    return this
  }

  /** Lucid nulls knex's `_single.limit` / `_single.offset` rather than calling `clear()`. */
  clearLimit(): this {
    this.single().limit = null
    return this
  }

  clearOffset(): this {
    this.single().offset = null
    return this
  }

  private single(): Record<string, unknown> {
    return (this.knexQuery as unknown as { _single: Record<string, unknown> })._single
  }

  preload(relationName: string, callback?: UserCallback<ModelQuery>): this {
    this.preloader.load(relationName, callback)
    return this
  }

  async execQuery(): Promise<ModelInstance[]> {
    this.applyWhere()
    const rows = await this.runtime.select(this.knexQuery, () => placeholderRow(this.model))
    const instances = rows.map((row) => hydrate(this.model, row))
    this.preloader.processAllForMany(instances)
    return instances
  }

  async exec(): Promise<ModelInstance[]> {
    return this.execQuery()
  }

  async first(): Promise<ModelInstance | null> {
    const result = await this.limit(1).execQuery()
    return result[0] ?? null
  }

  /**
   * Lucid's `paginate`: a count query on a clone without order/limit/offset/select (run as `pojo`,
   * so nothing is hydrated or preloaded), then, when the count is above 0, this query with
   * `forPage(page, perPage)`. Lucid's paginate hooks are not modelled (nor are they elsewhere).
   */
  async paginate(page: unknown, perPage: unknown = 20): Promise<Paginated> {
    const currentPage = Number(page)
    const size = Number(perPage)
    if (this.model.info.namingStrategy === 'custom') {
      this.runtime.warn(
        `${this.model.name} has a custom naming strategy: pagination meta keys are shown as CamelCaseNamingStrategy names them`,
      )
    }
    const countQuery = new ModelQuery(this.knexQuery.clone(), this.model, this.runtime)
    countQuery.whereStack = this.whereStack.map((collection) => [...collection])
    countQuery.clearOrder().clearLimit().clearOffset()
    countQuery.knexQuery.clearSelect()
    countQuery.aggregate('count', '* as total')
    countQuery.applyWhere()
    // An SQL-only preview counts one row, so the page's own query is listed too.
    const [counted] = await this.runtime.select(countQuery.knexQuery, () => ({ total: 1 }))
    const total = counted?.total
    const rows =
      Number(total) > 0
        ? await this.offset(currentPage === 1 ? 0 : size * (currentPage - 1))
            .limit(size)
            .execQuery()
        : []
    return new Paginated(this.model, total, size, currentPage, rows)
  }

  async firstOrFail(): Promise<ModelInstance> {
    const row = await this.first()
    if (!row) throw rowNotFound()
    return row
  }
}
