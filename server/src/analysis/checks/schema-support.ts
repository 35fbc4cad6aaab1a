// What the schema checks share: where a model's rows live and how a schema finding names its source.
import type * as TS from 'typescript'
import { findTable, type DatabaseSchema, type TableSchema } from '../../../../engine/src/schema'
import type { FindingKind } from '../codes'
import { finding, type Finding } from '../finding'
import type { LucidModel } from '../lucid-model'
import type { ModelIndex } from '../model-index'

export const SCHEMA_SOURCE = 'lucid-lens (schema)'

export interface SchemaContext {
  index: ModelIndex
  schema: DatabaseSchema
}

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
  return schema.source === 'migrations'
    ? 'according to database/migrations'
    : `according to the database${schema.label ? ` (${schema.label})` : schema.dialect ? ` (${schema.dialect})` : ''}`
}

/** The table a model reads, if the schema has it. */
export function tableOf(context: SchemaContext, model: LucidModel): TableSchema | undefined {
  return model.table === undefined ? undefined : findTable(context.schema, model.table)
}

/** Whether the model reads a table of its own that can be looked up: not abstract, its name known. */
export function readsOwnTable(model: LucidModel): boolean {
  return !model.facts.isAbstract && model.complete && model.table !== undefined
}
