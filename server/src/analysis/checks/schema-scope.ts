// Which schema a model is held against (its `static connection`, else the default connection's) and
// how far that schema is evidence. Migrations that create only some of the tables the models read
// (the rest come from another app sharing the database, a package, raw SQL) prove what they create,
// not what they leave out: then a missing table or column is reported only when something else says
// it is a mistake (a later drop or rename, a near name of a table they do create).
import { findTable, type DatabaseSchema } from '../../../../engine/src/schema'
import type { AppSchemas } from '../schema/app-schemas'
import type { LucidModel } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { connectionOf } from '../model-connection'
import { closest } from '../suggest'

export interface SchemaContext {
  index: ModelIndex
  schemas: AppSchemas
}

/** Undefined when the model's connection has no schema or cannot be told: then nothing is checked. */
export function schemaOf(context: SchemaContext, model: LucidModel): DatabaseSchema | undefined {
  const connection = connectionOf(context.index, model)
  if (connection === null) return undefined
  const { connections, defaultSchema } = context.schemas
  // Without connections read from config/database.ts, one schema stands for every connection.
  const schema =
    connection === undefined || connections.size === 0 ? defaultSchema : connections.get(connection)
  // A table database/schema.ts does not list yet but newer migrations create: their word for it.
  const fallback = schema?.fallback
  const table = model.table
  if (fallback && table !== undefined && !findTable(schema, table) && findTable(fallback, table))
    return fallback
  return schema
}

/** What the log and the status say could not be checked: the schemas' notes and partial coverage. */
export function schemaNotes(index: ModelIndex, schemas: AppSchemas): string[] {
  const context: SchemaContext = { index, schemas }
  const all = new Set([
    ...schemas.connections.values(),
    ...(schemas.defaultSchema ? [schemas.defaultSchema] : []),
  ])
  const notes = [...schemas.notes]
  for (const schema of all) {
    const note = coverageNote(coverageOf(context, schema))
    if (note) notes.push(schemas.connections.size > 1 ? `${connectionLabel(schemas, schema)}${note}` : note)
  }
  return [...new Set(notes)]
}

function connectionLabel(schemas: AppSchemas, schema: DatabaseSchema): string {
  const names = [...schemas.connections].filter(([, s]) => s === schema).map(([name]) => name)
  return names.length > 0 ? `Connection ${names.map((n) => `"${n}"`).join(', ')}: ` : ''
}

/** The schema a model is checked against, for features outside the checks (hovers). */
export function schemaForModel(
  index: ModelIndex,
  schemas: AppSchemas,
  model: LucidModel,
): DatabaseSchema | undefined {
  return schemaOf({ index, schemas }, model)
}

/** Whether a schema of the app evidently covers only part of the database (see coverageOf). */
export function isPartialSchema(index: ModelIndex, schemas: AppSchemas, schema: DatabaseSchema): boolean {
  return coverageOf({ index, schemas }, schema).partial
}

export interface Coverage {
  /** True when the migrations evidently describe only part of the database. */
  partial: boolean
  /** Tables models read that no migration creates, with nothing saying they are mistakes. */
  unexplained: string[]
  /** How many distinct tables the models of this schema read. */
  read: number
}

const coverages = new WeakMap<ModelIndex, Map<DatabaseSchema, Coverage>>()

/**
 * Migrations "cover" the database when every table the models read is created, or when only one is
 * missing (migrations that otherwise cover every model make that one a real finding). A live
 * database and database/schema.ts show the whole database: they always cover it.
 */
export function coverageOf(context: SchemaContext, schema: DatabaseSchema): Coverage {
  let perIndex = coverages.get(context.index)
  if (!perIndex) coverages.set(context.index, (perIndex = new Map()))
  let coverage = perIndex.get(schema)
  if (!coverage) {
    coverage = compute(context, schema)
    perIndex.set(schema, coverage)
  }
  return coverage
}

function compute(context: SchemaContext, schema: DatabaseSchema): Coverage {
  const read = new Set<string>()
  const unexplained = new Set<string>()
  for (const model of context.index.allModels()) {
    if (model.facts.isAbstract || !model.complete || model.table === undefined) continue
    if (schemaOf(context, model) !== schema) continue
    read.add(model.table)
    if (findTable(schema, model.table) || schema.uncheckedTables?.has(model.table)) continue
    if (model.facts.table === undefined && context.index.allModels().some((m) => m.base === model)) continue
    if (!explainedMissing(schema, model.table)) unexplained.add(model.table)
  }
  // An incomplete schema already reports no missing table: partial coverage adds nothing to say.
  const partial = schema.source === 'migrations' && schema.complete && unexplained.size > 1
  return { partial, unexplained: [...unexplained].sort(), read: read.size }
}

/** A missing table something names as a mistake: dropped or renamed later, or a near name exists. */
export function explainedMissing(schema: DatabaseSchema, table: string): boolean {
  return schema.removedTables?.has(table) === true || nearTable(schema, table) !== undefined
}

export function nearTable(schema: DatabaseSchema, table: string): string | undefined {
  // Schema-file tables are keyed by a loose form of their class name, not a table name.
  return schema.tableNames === 'schema-file' ? undefined : closest(table, schema.tables.keys())
}

/** The sentence for the log when the migrations evidently cover only part of the database. */
export function coverageNote(coverage: Coverage): string | undefined {
  if (!coverage.partial) return undefined
  const list = coverage.unexplained.map((t) => `"${t}"`)
  const shown =
    list.length > 5 ? `${list.slice(0, 5).join(', ')} and ${list.length - 5} more` : list.join(', ')
  const count = coverage.unexplained.length
  return (
    `${count} of the ${coverage.read} tables the models read (${shown}) ${count === 1 ? 'is' : 'are'} created ` +
    'by no migration and look like tables from elsewhere (another app sharing the database, a package, raw ' +
    'SQL), so a missing table or column is reported only where a migration dropped or renamed it or a near ' +
    'name suggests a typo, and missing indexes are not reported.'
  )
}
