// The panel's exports. CSV: the top-level table as shown (extras as `$name` columns, a preloaded
// relation as its JSON). JSON: the serialized result with each model's `$extras` put back beside
// its attributes, as Lucid's `toJSON()` leaves them out. Pure.
import type { ModelExtras, PreviewResult, ResultExtras } from '../../engine/src/query/result'
import { cellText, topLevel } from './result-table'

/** RFC 4180: CRLF line ends, fields with a quote, comma or line break quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(result: PreviewResult): string {
  const top = topLevel(result.result, result.extras)
  if (top.kind === 'none') return ''
  if (top.kind === 'affected') return ['affectedRows', ...top.counts.map(String)].join('\r\n') + '\r\n'
  const { columns, rows } = top.table
  const lines = [
    columns.map((column) => csvField(column.header)).join(','),
    ...rows.map((cells) => cells.map((cell) => csvField(csvValue(cell.value))).join(',')),
  ]
  return lines.join('\r\n') + '\r\n'
}

/** Empty for a missing or null value: spreadsheets read an empty field as no value. */
function csvValue(value: unknown): string {
  return value === null || value === undefined ? '' : cellText(value)
}

export function toJson(result: PreviewResult): string {
  return JSON.stringify(withExtras(result.result, result.extras), null, 2) + '\n'
}

/** The result with `$extras` added to each model that has any (nested relations included). */
export function withExtras(value: unknown, extras: ResultExtras | ModelExtras | undefined): unknown {
  if (extras === null || extras === undefined) return value
  if (Array.isArray(value)) {
    const list = Array.isArray(extras) ? extras : []
    return value.map((item, i) => withExtras(item, list[i]))
  }
  if (typeof value !== 'object' || value === null || Array.isArray(extras)) return value
  const record = value as Record<string, unknown>
  if ('data' in extras) {
    return Array.isArray(record['data'])
      ? { ...record, data: withExtras(record['data'], extras.data) }
      : value
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(record)) {
    const relation = extras.relations[key]
    out[key] = relation === undefined ? item : withExtras(item, relation)
  }
  const shown = Object.entries(extras.extras).filter(([name]) => !name.startsWith('adonis_'))
  if (shown.length) out['$extras'] = Object.fromEntries(shown)
  return out
}
