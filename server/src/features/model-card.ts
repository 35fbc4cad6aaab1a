// The hover card of a model class: what Lucid derives for it (table, primary key, naming strategy)
// and what it holds (columns, relations), with the source of each derived name.
import type { LucidModel, ModelIndex } from '../analysis'
import { code } from './markdown-text'
import { relationSummary } from './relation-card'

const STRATEGY_NAME = { snake: 'SnakeCaseNamingStrategy', camel: 'CamelCaseNamingStrategy' } as const

export function modelCard(index: ModelIndex, model: LucidModel): string[] {
  const { facts } = model
  const table =
    model.table === undefined
      ? 'table decided by a custom naming strategy'
      : `table ${code(model.table)}${facts.table !== undefined ? ' (static table)' : ''}`
  const primaryKeyColumn = model.columns.get(model.primaryKey)?.columnName
  const primaryKey =
    `primary key ${code(model.primaryKey)}` +
    (primaryKeyColumn !== undefined && primaryKeyColumn !== model.primaryKey
      ? ` (column ${code(primaryKeyColumn)})`
      : '')
  const strategy = model.strategy ? STRATEGY_NAME[model.strategy.kind] : 'a custom naming strategy'
  const blocks = [`**${model.name}**: Lucid model · ${table} · ${primaryKey} · ${strategy}`]
  const relations = [...model.relations.values()]
  const extra = [
    plural(model.columns.size, 'column'),
    plural(relations.length, 'relation'),
    ...(model.base ? [`extends ${model.base.name}`] : []),
    ...(model.complete ? [] : ['some members come from a base class or mixin that could not be read']),
  ]
  blocks.push(extra.join(' · '))
  if (relations.length)
    blocks.push(relations.map((r) => `- ${code(r.fact.name)}: ${relationSummary(index, r.fact)}`).join('\n'))
  return blocks
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
