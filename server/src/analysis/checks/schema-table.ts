// LL401: the table a model reads (its `static table` or the naming-strategy default) does not exist.
import type { Finding } from '../finding'
import type { LucidModel } from '../lucid-model'
import { closest } from '../suggest'
import { according, readsOwnTable, schemaFinding, tableOf, type SchemaContext } from './schema-support'

export function checkModelTable(context: SchemaContext, model: LucidModel): Finding[] {
  const { schema } = context
  // An unreadable migration may have created it: a missing table is then no evidence.
  if (!schema.complete || !readsOwnTable(model) || tableOf(context, model)) return []
  const table = model.table as string
  const how =
    model.facts.table !== undefined
      ? 'its static table'
      : `the naming-strategy default for "${model.name}": pluralize(snakeCase("${model.name}"))`
  const history = schema.removedTables?.get(table)
  const suggestion = closest(table, schema.tables.keys())
  const hint = history
    ? ` The table was ${history}.`
    : suggestion
      ? ` Did you mean "${suggestion}"?${model.facts.table === undefined ? ` Set static table = '${suggestion}'.` : ''}`
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
