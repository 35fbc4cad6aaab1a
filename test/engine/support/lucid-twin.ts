// Real Lucid (21.x, or another version from `packageRoot`), standalone, on the fixture database:
// models are built from the same ModelGraph the engine reads (onQuery hooks from their fragments),
// every knex `query` event is captured, and results are reduced to the shape the engine returns
// (serialize() plus the parallel extras tree) so the two compare with deepStrictEqual.
/* eslint-disable @typescript-eslint/no-explicit-any -- Lucid models are classes built at runtime */
import { createRequire } from 'node:module'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ModelGraph, RelationKeys } from '../../../engine/src/model-graph'
import type { ModelExtras, ResultExtras, SerializedResult } from '../../../engine/src/query/result'
import { onQueryFunction } from './on-query-twin'

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

/** A Lucid connection config (`client` plus knex `connection`); a string is a SQLite file. */
export interface LucidConnection {
  client: 'better-sqlite3' | 'pg' | 'mysql2'
  connection: Record<string, unknown>
}

/**
 * `packageRoot`: a folder whose node_modules hold another `@adonisjs/lucid` and `@adonisjs/core`
 * (Lucid 22 with core 7 cannot sit beside this repo's Lucid 21, whose peer is core 6).
 */
export async function createLucidTwin(
  graph: ModelGraph,
  target: string | LucidConnection,
  packageRoot?: string,
): Promise<LucidTwin> {
  const load = loader(packageRoot)
  const { Database } = await load('@adonisjs/lucid/database')
  const { BaseModel, column, SnakeCaseNamingStrategy } = await load('@adonisjs/lucid/orm')
  const { Logger } = await load('@adonisjs/core/logger')
  const { Emitter } = await load('@adonisjs/core/events')
  const { Application } = await load('@adonisjs/core/app')
  const app = new Application(new URL('file:///tmp/lucid-lens-twin/'), { environment: 'test' })
  const connection: LucidConnection =
    typeof target === 'string' ? { client: 'better-sqlite3', connection: { filename: target } } : target
  const config = {
    connection: 'primary',
    connections: { primary: { ...connection, useNullAsDefault: true } },
  }
  const db = new Database(config, new Logger({ enabled: false }), new Emitter(app))
  BaseModel.$adapter = db.modelAdapter()
  const models = buildModels(graph, BaseModel, column, SnakeCaseNamingStrategy)
  const captured: Outcome['statements'] = []
  const knex = db.connection().getWriteClient()
  // knex emits `query` before numbering placeholders; record the SQL the server receives (`$1` on pg).
  knex.on('query', (query: any) =>
    captured.push({ sql: knex.client.positionBindings(query.sql), bindings: query.bindings }),
  )
  return {
    models,
    async run(scenario) {
      captured.length = 0
      try {
        const value = await scenario(models)
        return { statements: [...captured], result: serializeValue(value), extras: extrasValue(value) }
      } catch (error) {
        return { statements: [...captured], error: lucidError(error) }
      }
    },
    close: () => db.manager.closeAll(),
  }
}

function loader(packageRoot: string | undefined): (specifier: string) => Promise<any> {
  if (!packageRoot) return dynamicImport
  const resolve = createRequire(path.join(packageRoot, 'package.json')).resolve
  return (specifier) => dynamicImport(pathToFileURL(resolve(specifier)).href)
}

function buildModels(graph: ModelGraph, BaseModel: any, column: any, SnakeCase: any): LucidModels {
  const models: LucidModels = {}
  for (const info of graph.models) {
    // The class name matters to Lucid (table names, error texts), so create it under its own name.
    const Model = { [info.name]: class extends BaseModel {} }[info.name] as any
    if (info.tableIsExplicit) Object.defineProperty(Model, 'table', { value: info.table, writable: true })
    // Lucid 20+ defaults to camelCase; the strategy also names the paginator's meta keys.
    if (info.namingStrategy === 'snake') Model.namingStrategy = new SnakeCase()
    Model.boot()
    for (const c of info.columns) {
      const options = {
        columnName: c.columnName,
        serializeAs: c.serializeAs,
        isPrimary: c.isPrimary,
        autoCreate: c.autoCreate,
        autoUpdate: c.autoUpdate,
      }
      if (c.decorator === 'column') Model.$addColumn(c.attribute, options)
      else column[c.decorator](options)(Model.prototype, c.attribute)
    }
    models[info.name] = Model
  }
  for (const info of graph.models) {
    for (const relation of info.relations) {
      const onQuery = onQueryFunction(relation.onQuery)
      const options = { ...lucidKeys(relation.keys), serializeAs: relation.serializeAs, onQuery }
      const related = () => models[relation.relatedModel ?? '']
      models[info.name].$addRelation(relation.name, relation.kind, related, options)
    }
  }
  return models
}

/** The relation's keys as Lucid's options name them (a manyToMany's `foreignKey` is its `relatedKey`). */
function lucidKeys(keys: RelationKeys | undefined): Record<string, unknown> | undefined {
  if (!keys?.pivot) return keys ? { ...keys } : undefined
  const { pivot } = keys
  const { createdAt, updatedAt } = pivot.timestamps
  return {
    localKey: keys.localKey,
    relatedKey: keys.foreignKey,
    pivotTable: pivot.table,
    pivotForeignKey: pivot.foreignKey,
    pivotRelatedForeignKey: pivot.relatedForeignKey,
    pivotColumns: pivot.columns,
    pivotTimestamps:
      createdAt || updatedAt ? { createdAt: createdAt ?? false, updatedAt: updatedAt ?? false } : undefined,
  }
}

/** A paginator is an Array subclass: test for it before arrays. */
const isPaginator = (value: any): boolean => typeof value?.getMeta === 'function'

function serializeValue(value: any): SerializedResult {
  if (value === null || value === undefined) return null
  if (isPaginator(value)) return value.serialize()
  return Array.isArray(value) ? value.map((one) => one.serialize()) : value.serialize()
}

function extrasValue(value: any): ResultExtras {
  if (value === null || value === undefined) return null
  if (isPaginator(value)) return { data: value.all().map(extrasOf) }
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

/**
 * A driver error reaches Lucid's caller as knex left it: `<sql with values> - <server message>`.
 * Only the server's part is comparable with the engine's `DatabaseError` (see `DATABASE_ERROR`).
 */
function lucidError(error: any): string {
  const message = String(error?.message ?? error)
  const fromDriver =
    typeof error?.sqlMessage === 'string' ||
    typeof error?.severity === 'string' ||
    String(error?.code).startsWith('SQLITE_')
  if (!fromDriver) return message
  return `${DATABASE_ERROR}${error.sqlMessage ?? message.slice(message.lastIndexOf(' - ') + 3)}`
}

/** Prefix of an outcome's error when the database, not Lucid, refused the statement. */
export const DATABASE_ERROR = 'database error: '
