// Real Lucid (21.x), standalone, on the fixture database: models are built from the same ModelGraph
// the engine reads, every knex `query` event is captured, and results are reduced to the shape the
// engine returns (serialize() plus the parallel extras tree) so the two compare with deepStrictEqual.
/* eslint-disable @typescript-eslint/no-explicit-any -- Lucid models are classes built at runtime */
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { ModelExtras, ResultExtras, SerializedResult } from '../../../engine/src/query/result'

// Lucid is ESM-only and these tests compile to CommonJS; a real dynamic import keeps it ESM.
const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>

export type LucidModels = Record<string, any>

/** A Lucid query builder received by a callback (and, in plans, the recorder standing for it). */
export type LucidQuery = any

export interface Outcome {
  statements: Array<{ sql: string; bindings: unknown[] }>
  result?: SerializedResult
  extras?: ResultExtras
  error?: string
}

export interface LucidTwin {
  models: LucidModels
  run(scenario: (models: LucidModels) => Promise<unknown>): Promise<Outcome>
  close(): Promise<void>
}

export async function createLucidTwin(graph: ModelGraph, filename: string): Promise<LucidTwin> {
  const { Database } = await dynamicImport('@adonisjs/lucid/database')
  const { BaseModel, column } = await dynamicImport('@adonisjs/lucid/orm')
  const { Logger } = await dynamicImport('@adonisjs/core/logger')
  const { Emitter } = await dynamicImport('@adonisjs/core/events')
  const { Application } = await dynamicImport('@adonisjs/core/app')
  const app = new Application(new URL('file:///tmp/lucid-lens-twin/'), { environment: 'test' })
  const config = {
    connection: 'sqlite',
    connections: { sqlite: { client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true } },
  }
  const db = new Database(config, new Logger({ enabled: false }), new Emitter(app))
  BaseModel.$adapter = db.modelAdapter()
  const models = buildModels(graph, BaseModel, column)
  const captured: Outcome['statements'] = []
  db.connection()
    .getWriteClient()
    .on('query', (query: any) => captured.push({ sql: query.sql, bindings: query.bindings }))
  return {
    models,
    async run(scenario) {
      captured.length = 0
      try {
        const value = await scenario(models)
        return { statements: [...captured], result: serializeValue(value), extras: extrasValue(value) }
      } catch (error) {
        return { statements: [...captured], error: (error as Error).message }
      }
    },
    close: () => db.manager.closeAll(),
  }
}

function buildModels(graph: ModelGraph, BaseModel: any, column: any): LucidModels {
  const models: LucidModels = {}
  for (const info of graph.models) {
    // The class name matters to Lucid (table names, error texts), so create it under its own name.
    const Model = { [info.name]: class extends BaseModel {} }[info.name] as any
    if (info.tableIsExplicit) Object.defineProperty(Model, 'table', { value: info.table, writable: true })
    Model.boot()
    for (const c of info.columns) {
      const options = { columnName: c.columnName, serializeAs: c.serializeAs, isPrimary: c.isPrimary }
      if (c.decorator === 'column') Model.$addColumn(c.attribute, options)
      else column[c.decorator](options)(Model.prototype, c.attribute)
    }
    models[info.name] = Model
  }
  for (const info of graph.models) {
    for (const relation of info.relations) {
      const options = { ...relation.keys, serializeAs: relation.serializeAs }
      const related = () => models[relation.relatedModel ?? '']
      models[info.name].$addRelation(relation.name, relation.kind, related, options)
    }
  }
  return models
}

function serializeValue(value: any): SerializedResult {
  if (value === null || value === undefined) return null
  return Array.isArray(value) ? value.map((one) => one.serialize()) : value.serialize()
}

function extrasValue(value: any): ResultExtras {
  if (value === null || value === undefined) return null
  return Array.isArray(value) ? value.map(extrasOf) : extrasOf(value)
}

function extrasOf(instance: any): ModelExtras {
  const relations: ModelExtras['relations'] = {}
  for (const [name, value] of Object.entries<any>(instance.$preloaded)) {
    const key = instance.constructor.$getRelation(name).serializeAs
    if (!key) continue
    relations[key] = Array.isArray(value) ? value.map(extrasOf) : value === null ? null : extrasOf(value)
  }
  return { extras: { ...instance.$extras }, relations }
}
