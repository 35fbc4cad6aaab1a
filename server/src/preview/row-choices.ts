// A page of a model's rows for a picker: the query (Lucid's own, so columns are named as Lucid names
// them) and its rows as choices of a key, a readable label and a few other values. The search text is
// a binding, never SQL: it matches the key exactly or the label as a case-insensitive substring (`%`
// and `_` in it stay wildcards, since SQLite's LIKE has no escape character by default).
import type { ColumnInfo, ModelInfo } from '../../../engine/src/model-graph'
import { call, callback, type Call, type QueryPlan } from '../../../engine/src/plan'
import type { SerializedResult } from '../../../engine/src/query/result'

export interface RowChoiceShape {
  plan: QueryPlan
  key: ColumnInfo
  label: ColumnInfo
  details: ColumnInfo[]
  /** The search cannot match any row (text against a number key, no text label): no query to run. */
  matchesNothing: boolean
}

export interface RowChoiceValue {
  key: string | number
  label: string
  detail: string
}

/** Attributes that usually name a row, best first. */
const LABELS = ['name', 'title', 'email', 'username', 'slug']

/** Keys, references and secrets: long or meaningless to a reader (`uuid`, `organizationUuid`, `userId`, `token`). */
const OPAQUE =
  /(?:^id|Id|_id|uuid|Uuid|UUID|guid|Guid|token|Token|hash|Hash|password|Password|secret|Secret)$/
const DETAILS = 3
const DETAIL_WIDTH = 40

/** Undefined when the model's primary key is not one of its serialized columns. */
export function rowChoiceShape(model: ModelInfo, search: string, limit: number): RowChoiceShape | undefined {
  const shown = model.columns.filter((c) => c.serializeAs !== null)
  const key = shown.find((c) => c.attribute === model.primaryKey)
  if (!key) return undefined
  const texts = shown.filter((c) => c !== key && isText(c))
  const label =
    LABELS.map((name) => texts.find((c) => c.attribute.toLowerCase() === name)).find((c) => c) ??
    texts.find(readable) ??
    texts[0] ??
    key
  // What a reader recognises a row by first; uuids and references only if there is room.
  const others = shown.filter((c) => c !== key && c !== label)
  const details = [...others.filter(readable), ...others.filter((c) => !readable(c))].slice(0, DETAILS)
  const calls: Call[] = [call('query')]
  const filter = searchFilter(key, label, search.trim())
  if (filter?.length) calls.push(call('where', callback(...filter)))
  calls.push(call('orderBy', key.attribute), call('limit', limit))
  return { plan: { model: model.name, calls }, key, label, details, matchesNothing: filter?.length === 0 }
}

/** `id = 12 or name ilike '%12%'`: only the comparisons the columns' types allow (none: empty). */
function searchFilter(key: ColumnInfo, label: ColumnInfo, search: string): Call[] | undefined {
  if (!search) return undefined
  const calls: Call[] = []
  const numeric = isNumber(key)
  // A number column compared with text fails on PostgreSQL: only digits are compared with the key.
  if (!numeric || /^-?\d+$/.test(search))
    calls.push(call('where', key.attribute, numeric ? Number(search) : search))
  if (label !== key)
    calls.push(call(calls.length ? 'orWhereILike' : 'whereILike', label.attribute, `%${search}%`))
  return calls
}

export function rowChoices(result: SerializedResult, shape: RowChoiceShape): RowChoiceValue[] {
  const rows = Array.isArray(result) ? result : []
  return rows.flatMap((row) => {
    if (typeof row !== 'object' || row === null) return []
    const record = row as Record<string, unknown>
    const key = record[shape.key.serializeAs as string]
    if (typeof key !== 'string' && typeof key !== 'number') return []
    const label = record[shape.label.serializeAs as string]
    const detail = shape.details
      .map((c) => `${c.attribute}: ${shorten(text(record[c.serializeAs as string]))}`)
      .join(' · ')
    return [{ key, label: label === null || label === undefined ? String(key) : text(label), detail }]
  })
}

function readable(column: ColumnInfo): boolean {
  return !OPAQUE.test(column.attribute)
}

function isText(column: ColumnInfo): boolean {
  return column.decorator === 'column' && /\bstring\b/.test(column.typeText ?? '')
}

function isNumber(column: ColumnInfo): boolean {
  return /\b(number|bigint)\b/.test(column.typeText ?? 'number')
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '∅'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

function shorten(value: string): string {
  return value.length > DETAIL_WIDTH ? `${value.slice(0, DETAIL_WIDTH - 1)}…` : value
}
