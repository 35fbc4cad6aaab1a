// Per-preview state shared by every builder: the knex compiler, the executor, the statement log
// and the preload queue. Statements are compiled with knex exactly as Lucid compiles them, then
// handed to the executor, which never reads more than `rowCap + 1` rows.
import type { Knex } from 'knex'
import { knexPackage } from '../connection/drivers'
import { isSketch } from '../connection/sketch-executor'
import type { ExplainMode, StatementPlan } from '../explain/plan-tree'
import type { ModelInstance } from './model-instance'
import type { ModelQuery } from './model-query'
import type { BootedRelation, ModelMeta, ModelRegistry } from './model-registry'
import type { RelatedQuery } from './relation-query'
import type { ExecutedStatement } from './result'
import type { SubQuery } from './sub-query'

export type Row = Record<string, unknown>

/** Runs one compiled read statement; implemented per dialect (see `connection/sqlite-executor.ts`). */
export interface StatementExecutor {
  /** The knex client whose compiler produces this executor's SQL (quoting, placeholders). */
  readonly client: 'better-sqlite3' | 'pg' | 'mysql2'
  run(sql: string, bindings: readonly unknown[], rowCap: number): Promise<{ rows: Row[]; truncated: boolean }>
  /** The plan of `sql`, which must be the read statement this executor ran last (explain/). */
  explain?(sql: string, bindings: readonly unknown[], mode: ExplainMode): Promise<StatementPlan>
}

/** Builder constructors, injected so builder modules need not import each other (see factory.ts). */
export interface QueryFactory {
  modelQuery(model: ModelMeta): ModelQuery
  relatedQuery(relation: BootedRelation, parent: ModelInstance): RelatedQuery
  eagerQuery(relation: BootedRelation, parent: ModelInstance | ModelInstance[]): RelatedQuery
  subQuery(relation: BootedRelation): SubQuery
}

const compilers = new Map<string, Knex>()

/** A connection-less knex instance: compiling needs the dialect only, never the driver. */
export function compilerFor(client: string): Knex {
  let compiler = compilers.get(client)
  if (!compiler) {
    compiler = knexPackage().knex({ client, useNullAsDefault: true })
    compilers.set(client, compiler)
  }
  return compiler
}

export class Runtime {
  readonly knex: Knex
  readonly statements: ExecutedStatement[] = []
  readonly warnings: string[] = []
  truncated = false
  readonly factory: QueryFactory
  /** "Now" for `autoCreate`/`autoUpdate` timestamps in dry runs; tests freeze it. */
  now: () => Date = () => new Date()
  /** Set when the preview asked for plans: each read is explained right after it ran. */
  explain?: ExplainMode
  private readonly queue: Array<() => Promise<void>> = []

  constructor(
    readonly registry: ModelRegistry,
    /** Public for dry-run writes (persistence/), which need an executor that implements `write`. */
    readonly executor: StatementExecutor,
    readonly rowCap: number,
    createFactory: (runtime: Runtime) => QueryFactory,
  ) {
    this.knex = compilerFor(executor.client)
    this.factory = createFactory(this)
  }

  /**
   * Compiles and runs a select built on `this.knex`, logging it as Lucid's `query` event would. An
   * SQL-only preview (sketch executor) runs nothing and answers the one row `sketchRow` makes.
   */
  async select(query: Knex.QueryBuilder, sketchRow: () => Row): Promise<Row[]> {
    const { sql, bindings } = query.toSQL().toNative()
    if (isSketch(this.executor)) {
      this.statements.push({ sql, bindings: [...bindings], durationMs: 0, rowCount: 0, truncated: false })
      return [sketchRow()]
    }
    const started = performance.now()
    let result: { rows: Row[]; truncated: boolean }
    try {
      result = await this.executor.run(sql, bindings, this.rowCap)
    } catch (error) {
      // Lucid's `query` event fires before execution, so a statement the database refused is listed too.
      const durationMs = performance.now() - started
      this.statements.push({ sql, bindings: [...bindings], durationMs, rowCount: 0, truncated: false })
      throw error
    }
    const { rows, truncated } = result
    const durationMs = performance.now() - started
    const statement: ExecutedStatement = {
      sql,
      bindings: [...bindings],
      durationMs,
      rowCount: rows.length,
      truncated,
    }
    this.statements.push(statement)
    if (truncated) this.truncated = true
    // In a dry run a later write may change what this read sees, so its plan is taken now.
    if (this.explain && this.executor.explain)
      statement.plan = await this.executor.explain(sql, bindings, this.explain)
    return rows
  }

  /** Adds a warning once, however often the situation recurs in one preview. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message)
  }

  /**
   * Lucid runs sibling preloads with `Promise.all` over one pooled SQLite connection, so statements
   * reach the database breadth-first: every sibling's query, then the children each one queued when
   * its rows arrived. A FIFO queue drained after each awaited step reproduces that order.
   */
  schedule(task: () => Promise<void>): void {
    this.queue.push(task)
  }

  async drain(): Promise<void> {
    for (let task = this.queue.shift(); task; task = this.queue.shift()) await task()
  }
}
