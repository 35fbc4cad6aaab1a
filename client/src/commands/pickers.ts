// The questions several commands share: which model, which relation, which row.
import * as path from 'node:path'
import * as vscode from 'vscode'
import {
  NO_DATABASE_CODES,
  placeholder,
  type RelationSummary,
  type RowChoice,
  type RowsResult,
} from '../../../server/src/protocol'
import { typedKey, type Key } from '../expressions'
import { orderModels } from '../model-order'
import { relationKeys } from '../relation-label'
import { rowText } from '../row-label'
import type { Prompter } from '../quick-picks'
import { isInApp, type AppModel, type LucidRequests } from '../requests'

export interface ModelItem extends vscode.QuickPickItem {
  model: AppModel
}

export interface RelationItem extends vscode.QuickPickItem {
  relation: RelationSummary
}

interface RowItem extends vscode.QuickPickItem {
  key: Key
}

/** Asks for a model; undefined when the user cancels. */
export async function pickModel(
  prompter: Prompter,
  models: readonly AppModel[],
  title: string,
  accept: (model: AppModel) => boolean = () => true,
): Promise<AppModel | undefined> {
  const candidates = orderModels(models.filter(accept), activeUri())
  if (candidates.length === 0)
    throw new Error(
      'No Lucid model found (with a relation) in this workspace: open an AdonisJS app with models.',
    )
  const apps = new Set(models.map((model) => model.root))
  const items = candidates.map((model): ModelItem => ({
    label: model.name,
    description: apps.size > 1 ? `${model.table} · ${path.basename(model.root)}` : model.table,
    detail: model.relations.length
      ? model.relations.map((relation) => `${relation.name} (${relation.kind})`).join(', ')
      : 'no relations',
    model,
  }))
  return (await prompter.pick(items, { title, placeHolder: 'Pick a model' }))?.model
}

/** Asks for one of the model's relations: `posts`, `hasMany → Post`. */
export async function pickRelation(
  prompter: Prompter,
  model: AppModel,
  title: string,
): Promise<RelationSummary | undefined> {
  const relations = model.relations.filter((relation) => relation.previewable)
  if (relations.length === 0)
    throw new Error(
      model.relations.length === 0
        ? `${model.name} has no relations.`
        : `${model.name} has no relation previews can run (hasManyThrough is not supported yet).`,
    )
  const items = relations.map((relation): RelationItem => ({
    label: relation.name,
    description: `${relation.kind} → ${relation.relatedModel}`,
    detail: relationDetail(relation),
    relation,
  }))
  return (await prompter.pick(items, { title, placeHolder: `Pick a relation of ${model.name}` }))?.relation
}

function relationDetail(relation: RelationSummary): string | undefined {
  const keys = relationKeys(relation) ?? ''
  const problems = relation.problems.length ? `⚠ ${relation.problems.join(', ')}` : ''
  return [keys, problems].filter(Boolean).join(' · ') || undefined
}

/**
 * Asks for a row of the model: the list is a page of rows, searched again as the user types, and
 * a typed key that is not listed is accepted as it is. Without a database, or without rows, there
 * is nothing to list: nothing is asked and the key is a placeholder (`<User.id>`), so the preview
 * shows its SQL.
 */
export async function pickRow(
  prompter: Prompter,
  requests: LucidRequests,
  target: { uri: string; model: string; primaryKey: string },
  title: string,
): Promise<Key | undefined> {
  const probe = await requests.rows({ uri: target.uri, model: target.model, limit: 1 })
  // No database, or a table without rows: nothing to pick from, the preview shows the SQL only.
  if (noDatabase(probe) || (probe.kind === 'rows' && probe.rows.length === 0))
    return placeholder(target.model, target.primaryKey)
  const seen: Key[] = []
  const item = await prompter.pickDynamic<RowItem>({
    title,
    placeHolder: `Pick a ${target.model}, or type its key`,
    load: async (search, token) => {
      const answer = await requests.rows({ uri: target.uri, model: target.model, search, limit: 50 }, token)
      if (answer.kind === 'error')
        return { items: [], problem: answer.hint ? `${answer.message} ${answer.hint}` : answer.message }
      seen.push(...answer.rows.map((row) => row.key))
      return { items: answer.rows.map(rowItem) }
    },
    typed: (text, loaded) => {
      const trimmed = text.trim()
      if (!trimmed || loaded.some((row) => row.label === trimmed)) return undefined
      const key = typedKey(trimmed, seen)
      return { label: trimmed, description: `the ${target.model} with this key`, key }
    },
  })
  return item?.key
}

function rowItem(row: RowChoice): RowItem {
  return { ...rowText(row), key: row.key }
}

/** The model a name refers to, preferring the app of `uri`. */
export function findModel(models: readonly AppModel[], name: string, uri?: string): AppModel | undefined {
  const matches = models.filter((model) => model.name === name)
  return (uri ? matches.find((model) => isInApp(model, uri)) : undefined) ?? matches[0]
}

/** The rows request found no database to list rows from (none configured, unreachable, off). */
export function noDatabase(answer: RowsResult): boolean {
  return answer.kind === 'error' && answer.code !== undefined && NO_DATABASE_CODES.includes(answer.code)
}

/** The document being edited, as a URI string. */
export function activeUri(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.toString()
}
