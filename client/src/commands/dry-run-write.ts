// Lucid: Dry-run Write: model → relation → parent row → method → JSON payload(s), then e.g.
// `User.findOrFail(1).related('posts').createMany([...])`, run in a transaction that is rolled back.
// Prompts per method: create: payload object; createMany: array; firstOrCreate/updateOrCreate:
// search object, then payload object; fetchOrCreateMany/updateOrCreateMany: array, then the
// attribute(s) rows are matched on (comma separated, empty: none).
import type { RelationSummary } from '../../../server/src/protocol'
import { parseNames, WRITE_METHODS, writeExpression, type WriteMethod, type WriteSpec } from '../expressions'
import { parseJsonInput, jsonInputError, type JsonShape } from '../json-input'
import type { Prompter } from '../quick-picks'
import type { AppModel } from '../requests'
import type { CommandContext } from './context'
import { findModel, pickModel, pickRelation, pickRow } from './pickers'

const TITLE = 'Lucid: Dry-run Write'

/** What Lucid's relation clients offer per kind that previews run (belongsTo writes through associate). */
const METHODS_BY_KIND: Record<string, readonly WriteMethod[]> = {
  hasMany: WRITE_METHODS,
  hasOne: ['create', 'firstOrCreate', 'updateOrCreate'],
}

export async function dryRunWrite(context: CommandContext): Promise<void> {
  const { prompter, requests, previews } = context
  const models = await requests.allModels()
  const writable = (relation: RelationSummary) => relation.kind in METHODS_BY_KIND
  const model = await pickModel(prompter, models, TITLE, (m) => m.relations.some(writable))
  if (!model) return
  const relation = await pickRelation(
    prompter,
    { ...model, relations: model.relations.filter(writable) },
    TITLE,
  )
  if (!relation) return
  const key = await pickRow(
    prompter,
    requests,
    { uri: model.uri, model: model.name, primaryKey: model.primaryKey },
    `${TITLE}: which ${model.name}?`,
  )
  if (key === undefined) return
  const methods = METHODS_BY_KIND[relation.kind] ?? WRITE_METHODS
  const method = await prompter.pick(
    methods.map((name) => ({ label: name, description: signature(name) })),
    { title: TITLE, placeHolder: `${model.name}.related('${relation.name}').…` },
  )
  if (!method) return
  const related = findModel(models, relation.relatedModel, model.uri)
  const spec = await askPayloads(prompter, method.label as WriteMethod, related, relation)
  if (!spec) return
  await previews.run({
    title: `${model.name}.${relation.name}`,
    uri: model.uri,
    expression: writeExpression({ model: model.name, key, relation: relation.name, ...spec }),
  })
}

function signature(method: WriteMethod): string {
  switch (method) {
    case 'create':
      return '(payload)'
    case 'createMany':
      return '([payloads])'
    case 'firstOrCreate':
    case 'updateOrCreate':
      return '(search, payload)'
    case 'fetchOrCreateMany':
    case 'updateOrCreateMany':
      return '([payloads], predicate)'
  }
}

type Payloads = Pick<WriteSpec, 'method' | 'payload' | 'search' | 'predicate'>

async function askPayloads(
  prompter: Prompter,
  method: WriteMethod,
  related: AppModel | undefined,
  relation: RelationSummary,
): Promise<Payloads | undefined> {
  const example = exampleObject(related, relation)
  const many = method === 'createMany' || method === 'fetchOrCreateMany' || method === 'updateOrCreateMany'
  if (method === 'firstOrCreate' || method === 'updateOrCreate') {
    const search = await askJson(prompter, 'the search: rows matching it are used', 'object', example)
    if (search === undefined) return undefined
    const payload = await askJson(
      prompter,
      'the payload: merged into a created (or updated) row',
      'object',
      example,
    )
    return payload === undefined ? undefined : { method, search, payload }
  }
  const payload = many
    ? await askJson(prompter, 'the payloads, one object per row', 'array of objects', `[${example}]`)
    : await askJson(prompter, 'the payload', 'object', example)
  if (payload === undefined || method === 'create' || method === 'createMany') {
    return payload === undefined ? undefined : { method, payload }
  }
  const predicate = await prompter.input({
    title: TITLE,
    prompt: `${method}: the attribute(s) a payload is matched on, separated by commas (empty: none)`,
    placeHolder: related?.columns.find((column) => column !== related.primaryKey) ?? 'title',
  })
  return predicate === undefined ? undefined : { method, payload, predicate: parseNames(predicate) }
}

async function askJson(
  prompter: Prompter,
  what: string,
  shape: JsonShape,
  example: string,
): Promise<unknown> {
  const text = await prompter.input({
    title: TITLE,
    prompt: `JSON: ${what}`,
    placeHolder: example,
    validate: (value) => jsonInputError(value, shape),
  })
  if (text === undefined) return undefined
  const parsed = parseJsonInput(text, shape)
  return parsed.ok ? parsed.value : undefined
}

/** `{"title": "", "slug": ""}` from the related model's columns, keys left out. */
function exampleObject(related: AppModel | undefined, relation: RelationSummary): string {
  const skip = new Set([related?.primaryKey, relation.foreignKey, 'createdAt', 'updatedAt'])
  const columns = (related?.columns ?? ['title']).filter((column) => !skip.has(column)).slice(0, 3)
  return `{${columns.map((column) => `"${column}": ""`).join(', ')}}`
}
