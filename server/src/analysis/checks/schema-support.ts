// What the schema checks share: where a model's rows live and how a schema finding names its source.
import type * as TS from 'typescript'
import { findTable, type DatabaseSchema, type TableSchema } from '../../../../engine/src/schema'
import type { FindingKind } from '../codes'
import { finding, type Finding } from '../finding'
import type { LucidModel } from '../lucid-model'
import { schemaOf, type SchemaContext } from './schema-scope'

export type { SchemaContext } from './schema-scope'

export const SCHEMA_SOURCE = 'lucid-lens (schema)'

export function schemaFinding(
  kind: FindingKind,
  node: TS.Node,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return finding(kind, node, message, { ...extra, source: SCHEMA_SOURCE })
}

/** Said in every message, so a finding tells which schema it was checked against. */
export function according(schema: DatabaseSchema): string {
  if (schema.source === 'migrations')
    return schema.file ? `according to the migrations in ${schema.file}` : 'according to database/migrations'
  if (schema.source === 'schema-file') return `according to ${schema.file ?? 'database/schema.ts'}`
  return `according to the database${schema.label ? ` (${schema.label})` : schema.dialect ? ` (${schema.dialect})` : ''}`
}

/**
 * The table a model reads, if its schema has it and can tell its columns (not a table two
 * migrations create, not one the schema file leaves out).
 */
export function tableOf(context: SchemaContext, model: LucidModel): TableSchema | undefined {
  const schema = schemaOf(context, model)
  if (!schema || model.table === undefined || schema.uncheckedTables?.has(model.table)) return undefined
  const table = findTable(schema, model.table)
  return table && !schema.uncheckedTables?.has(table.name) ? table : undefined
}

/** Whether the model reads a table of its own that can be looked up: not abstract, its name known. */
export function readsOwnTable(model: LucidModel): boolean {
  return !model.facts.isAbstract && model.complete && model.table !== undefined
}
