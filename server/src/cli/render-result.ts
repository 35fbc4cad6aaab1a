// Preview results for a terminal: each statement with its bindings and time, then the rows as
// tables, each row's related rows indented below it, then truncation and warnings. A paginated
// result shows its meta on one line, then the page's rows.
import type { ModelExtras, PageExtras, PreviewResult, ResultExtras } from '../../../engine/src'
import { planLines } from '../../../engine/src/explain/plan-text'

const CELL_WIDTH = 28

type Row = Record<string, unknown>

export function renderPreview(result: PreviewResult, color: boolean): string {
  const dim = (text: string) => (color ? `\u001b[2m${text}\u001b[0m` : text)
  const out: string[] = []
  for (const statement of result.statements) {
    // Writes of a dry run report what they changed (before the rollback) rather than rows read.
    const count =
      statement.affectedRows === undefined
        ? `${statement.rowCount} rows`
        : `${statement.affectedRows} affected`
    out.push(
      `${statement.sql}`,
      dim(
        `  bindings ${JSON.stringify(statement.bindings)} · ${statement.durationMs.toFixed(1)} ms · ${count}`,
      ),
    )
    if (statement.plan) out.push(...planLines(statement.plan))
  }
  out.push('')
  out.push(...renderTop(result.result, result.extras))
  if (result.truncated)
    out.push('', `Truncated: a statement returned more rows than the row cap; raise it with --rows.`)
  for (const warning of result.warnings) out.push(`Warning: ${warning}`)
  return out.join('\n')
}

/** Only the awaited value itself can be a page (`{ meta, data }`); relations never are. */
function renderTop(value: unknown, extras: ResultExtras): string[] {
  if (!isPage(value)) return renderValue(value, extras, '')
  const pageExtras = extras && !Array.isArray(extras) && isPageExtras(extras) ? extras.data : []
  return [renderMeta(value.meta), ...renderValue(value.data, pageExtras, '')]
}

function renderValue(value: unknown, extras: ResultExtras | undefined, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}(no rows)`]
    if (value.every(isRow)) return renderRows(value as Row[], modelExtrasList(extras), indent)
    return [`${indent}${JSON.stringify(value)}`]
  }
  if (isRow(value)) {
    return renderRows(
      [value],
      extras && !Array.isArray(extras) && !isPageExtras(extras) ? [extras] : [],
      indent,
    )
  }
  return [`${indent}${value === null ? '(null: no row)' : JSON.stringify(value)}`]
}

/**
 * Lucid keeps counts and aggregates (`posts_count`) in `$extras`, which serialize() omits; they are
 * shown as `$name` columns. Lucid's own bookkeeping (`adonis_group_limit_counter`) is left out.
 */
function renderRows(rows: Row[], extras: ModelExtras[], indent: string): string[] {
  const shown = (e: ModelExtras | undefined) =>
    Object.keys(e?.extras ?? {}).filter((k) => !k.startsWith('adonis_'))
  const extraColumns = [...new Set(extras.flatMap(shown))]
  const plain = [...new Set(rows.flatMap((row) => Object.keys(row).filter((k) => !isNested(row[k]))))]
  const columns = [...plain, ...extraColumns.map((k) => `$${k}`)]
  const cells = rows.map((row, i) => [
    ...plain.map((c) => cell(row[c])),
    ...extraColumns.map((k) => cell(extras[i]?.extras[k])),
  ])
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)))
  const line = (values: string[]) =>
    indent +
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd()
  const out = [line(columns), indent + widths.map((w) => '-'.repeat(w)).join('-+-')]
  rows.forEach((row, i) => {
    out.push(line(cells[i] ?? []))
    for (const [key, nested] of Object.entries(row)) {
      if (!isNested(nested)) continue
      const count = Array.isArray(nested) ? `${nested.length} row${nested.length === 1 ? '' : 's'}` : '1 row'
      out.push(
        `${indent}  ${key}: ${count}`,
        ...renderValue(nested, extras[i]?.relations[key], `${indent}    `),
      )
    }
  })
  return out
}

/** `paginator.serialize()`: keys per the model's naming strategy, so shown as they are named. */
function renderMeta(meta: Row): string {
  const pairs = Object.entries(meta).map(
    ([key, value]) => `${key} ${value === null ? 'null' : String(value)}`,
  )
  return `page: ${pairs.join(' · ')}`
}

function isPage(value: unknown): value is { meta: Row; data: unknown[] } {
  return isRow(value) && Object.keys(value).length === 2 && isRow(value.meta) && Array.isArray(value.data)
}

function isPageExtras(extras: ModelExtras | PageExtras): extras is PageExtras {
  return 'data' in extras
}

function modelExtrasList(extras: ResultExtras | undefined): ModelExtras[] {
  return Array.isArray(extras) ? (extras as ModelExtras[]) : []
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Preloaded relations: arrays of rows or a single row object. */
function isNested(value: unknown): boolean {
  return isRow(value) || (Array.isArray(value) && value.length > 0 && value.every(isRow))
}

function cell(value: unknown): string {
  const text =
    value === undefined
      ? ''
      : value === null
        ? 'null'
        : typeof value === 'string'
          ? value
          : JSON.stringify(value)
  return text.length > CELL_WIDTH ? `${text.slice(0, CELL_WIDTH - 1)}…` : text
}
