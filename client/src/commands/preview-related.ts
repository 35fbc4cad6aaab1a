// Lucid: Preview Related Query: model → relation → parent row, then
// `User.findOrFail(1).related('posts').query()`. The code lens passes the model and relation.
import type { PreviewRelatedArgs } from '../../../server/src/protocol'
import { relatedQuery } from '../expressions'
import type { CommandContext } from './context'
import { findModel, pickModel, pickRelation, pickRow } from './pickers'

const TITLE = 'Lucid: Preview Related Query'

export async function previewRelated(context: CommandContext, args?: PreviewRelatedArgs): Promise<void> {
  const { prompter, requests, previews } = context
  let target: { uri: string; model: string; relation: string; primaryKey: string }
  const models = await requests.allModels()
  if (isPreviewRelatedArgs(args)) {
    const primaryKey = findModel(models, args.model, args.uri)?.primaryKey ?? 'id'
    target = { ...args, primaryKey }
  } else {
    const model = await pickModel(prompter, models, TITLE, (m) => m.relations.length > 0)
    if (!model) return
    const relation = await pickRelation(prompter, model, TITLE)
    if (!relation) return
    target = { uri: model.uri, model: model.name, relation: relation.name, primaryKey: model.primaryKey }
  }
  const key = await pickRow(prompter, requests, target, `${TITLE}: which ${target.model}?`)
  if (key === undefined) return
  await previews.run({
    title: `${target.model}.${target.relation}`,
    uri: target.uri,
    expression: relatedQuery(target.model, key, target.relation),
  })
}

function isPreviewRelatedArgs(value: unknown): value is PreviewRelatedArgs {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return ['uri', 'model', 'relation'].every((field) => typeof record[field] === 'string')
}
