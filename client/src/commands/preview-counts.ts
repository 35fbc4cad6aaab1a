// Lucid: Preview Relation Counts: model → relation, then `User.query().withCount('posts').limit(20)`.
import { countsQuery } from '../expressions'
import type { CommandContext } from './context'
import { pickModel, pickRelation } from './pickers'

const TITLE = 'Lucid: Preview Relation Counts'

export async function previewCounts(context: CommandContext): Promise<void> {
  const { prompter, requests, previews } = context
  const models = await requests.allModels()
  const model = await pickModel(prompter, models, TITLE, (m) => m.relations.length > 0)
  if (!model) return
  const relation = await pickRelation(prompter, model, TITLE)
  if (!relation) return
  await previews.run({
    title: `${model.name}.${relation.name}`,
    uri: model.uri,
    expression: countsQuery(model.name, relation.name),
  })
}
