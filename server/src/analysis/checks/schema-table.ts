// LL401: the table a model reads (its `static table` or the naming-strategy default) does not exist.
import { findTable } from '../../../../engine/src/schema'
import type { Finding } from '../finding'
import type { LucidModel } from '../lucid-model'
import { coverageOf, explainedMissing, nearTable, schemaOf } from './schema-scope'
import { according, readsOwnTable, schemaFinding, type SchemaContext } from './schema-support'

export function checkModelTable(context: SchemaContext, model: LucidModel): Finding[] {
  const schema = schemaOf(context, model)
  // An unreadable migration may have created it: a missing table is then no evidence.
  if (!schema?.complete || !readsOwnTable(model)) return []
  const table = model.table as string
  if (findTable(schema, table) || schema.uncheckedTables?.has(table)) return []
  // Migrations of part of the database: a table they never mention is no evidence by itself.
  if (coverageOf(context, schema).partial && !explainedMissing(schema, table)) return []
  const how =
    model.facts.table !== undefined
      ? 'its static table'
      : `the naming-strategy default for "${model.name}": pluralize(snakeCase("${model.name}"))`
  const history = schema.removedTables?.get(table)
  const suggestion = nearTable(schema, table)
  const hint = history
    ? ` The table was ${history}.`
    : suggestion
      ? ` Did you mean "${suggestion}"?${model.facts.table === undefined ? ` Set static table = '${suggestion}'.` : ''}`
      : schema.source === 'schema-file'
        ? ' Run node ace migration:run if a migration creates it (that regenerates the file).'
        : ''
  return [
    schemaFinding(
      'schemaTableMissing',
      model.facts.node.name ?? model.facts.node,
      `Model "${model.name}" reads table "${table}" (${how}), which does not exist ${according(schema)}. ` +
        `Every query of ${model.name} fails.${hint}`,
      suggestion ? { suggestion } : {},
    ),
  ]
}
