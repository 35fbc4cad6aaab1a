// Lucid: Preview Preload: model → relation → parents (the first page, or keys typed) → groupLimit
// (empty: none) → groupOrderBy (asked only with a groupLimit: a column of the related model, or
// none, then the direction) → nested preloads (the related model's relations, any number).
import { parseKeys, preloadQuery, type ParentRows, type PreloadSpec } from '../expressions'
import type { Prompter } from '../quick-picks'
import type { AppModel } from '../requests'
import type { CommandContext } from './context'
import { findModel, pickModel, pickRelation } from './pickers'

const TITLE = 'Lucid: Preview Preload'
const FIRST_PAGE = 20

export async function previewPreload(context: CommandContext): Promise<void> {
  const { prompter, requests, previews } = context
  const models = await requests.allModels()
  const model = await pickModel(prompter, models, TITLE, (m) => m.relations.length > 0)
  if (!model) return
  const relation = await pickRelation(prompter, model, TITLE)
  if (!relation) return
  const parents = await pickParents(prompter, model)
  if (!parents) return
  const related = findModel(models, relation.relatedModel, model.uri)
  const groupLimit = await askGroupLimit(prompter)
  if (groupLimit === null) return
  const groupOrderBy = groupLimit === undefined ? undefined : await askGroupOrderBy(prompter, related)
  if (groupOrderBy === null) return
  const nested = await askNested(prompter, related)
  if (!nested) return
  const spec: PreloadSpec = {
    model: model.name,
    primaryKey: model.primaryKey,
    parents,
    relation: relation.name,
    groupLimit,
    groupOrderBy,
    nested,
  }
  await previews.run({
    title: `${model.name}.${relation.name}`,
    uri: model.uri,
    expression: preloadQuery(spec),
  })
}

async function pickParents(prompter: Prompter, model: AppModel): Promise<ParentRows | undefined> {
  const choice = await prompter.pick(
    [
      { label: `First page (${FIRST_PAGE})`, detail: `${model.name}.query().limit(${FIRST_PAGE})` },
      { label: 'Choose keys…', detail: `${model.name}.query().whereIn('${model.primaryKey}', [...])` },
    ],
    { title: TITLE, placeHolder: `Which ${model.name} rows preload?` },
  )
  if (!choice) return undefined
  if (choice.label.startsWith('First page')) return { kind: 'firstPage', limit: FIRST_PAGE }
  const text = await prompter.input({
    title: TITLE,
    prompt: `The ${model.name} keys (${model.primaryKey}), separated by commas`,
    placeHolder: '1, 2, 3',
    validate: (value) => (parseKeys(value, []).length ? undefined : 'Type at least one key.'),
  })
  return text === undefined ? undefined : { kind: 'keys', keys: parseKeys(text, []) }
}

/** undefined: no groupLimit; null: cancelled. */
async function askGroupLimit(prompter: Prompter): Promise<number | undefined | null> {
  const text = await prompter.input({
    title: TITLE,
    prompt: 'groupLimit: at most this many related rows per parent (empty: no limit)',
    placeHolder: '3',
    validate: (value) =>
      value.trim() === '' || /^[1-9]\d*$/.test(value.trim())
        ? undefined
        : 'Type a whole number above 0, or nothing.',
  })
  if (text === undefined) return null
  return text.trim() === '' ? undefined : Number(text.trim())
}

/** undefined: none; null: cancelled. */
async function askGroupOrderBy(
  prompter: Prompter,
  related: AppModel | undefined,
): Promise<PreloadSpec['groupOrderBy'] | null> {
  const columns = related?.columns ?? []
  const column = await prompter.pick(
    [
      { label: 'None', description: 'no groupOrderBy', column: undefined },
      ...columns.map((attribute, i) => ({
        label: attribute,
        description: related?.columnNames[i] ?? attribute,
        column: related?.columnNames[i] ?? attribute,
      })),
    ],
    { title: TITLE, placeHolder: 'groupOrderBy: the order of the related rows within each parent' },
  )
  if (!column) return null
  if (column.column === undefined) return undefined
  const direction = await prompter.pick(
    [
      { label: 'desc', direction: 'desc' as const },
      { label: 'asc', direction: 'asc' as const },
    ],
    { title: TITLE, placeHolder: `groupOrderBy ${column.column}: direction` },
  )
  if (!direction) return null
  // Lucid puts groupOrderBy's column into raw SQL unresolved: it needs the column name (LL304).
  return { column: column.column, direction: direction.direction }
}

async function askNested(prompter: Prompter, related: AppModel | undefined): Promise<string[] | undefined> {
  if (!related || related.relations.length === 0) return []
  const picked = await prompter.pickMany(
    related.relations.map((relation) => ({
      label: relation.name,
      description: `${relation.kind} → ${relation.relatedModel}`,
    })),
    { title: TITLE, placeHolder: `Also preload these relations of ${related.name} (none: press Enter)` },
  )
  return picked?.map((item) => item.label)
}
