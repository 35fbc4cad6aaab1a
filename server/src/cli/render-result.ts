// Preview results for a terminal: each statement with its bindings and time, then the rows as
// tables, each row's related rows indented below it, then truncation and warnings.
import type { PreviewResult } from '../../../engine/src'

const CELL_WIDTH = 28

type Row = Record<string, unknown>

export function renderPreview(result: PreviewResult, color: boolean): string {
  const dim = (text: string) => (color ? `\u001b[2m${text}\u001b[0m` : text)
  const out: string[] = []
  for (const statement of result.statements) {
    out.push(
      `${statement.sql}`,
      dim(
        `  bindings ${JSON.stringify(statement.bindings)} · ${statement.durationMs.toFixed(1)} ms · ${statement.rowCount} rows`,
      ),
    )
  }
  out.push('')
  out.push(...renderValue(result.result, ''))
  if (result.truncated)
    out.push('', `Truncated: a statement returned more rows than the row cap; raise it with --rows.`)
  for (const warning of result.warnings) out.push(`Warning: ${warning}`)
  return out.join('\n')
}

function renderValue(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}(no rows)`]
    if (value.every(isRow)) return renderRows(value as Row[], indent)
    return [`${indent}${JSON.stringify(value)}`]
  }
  if (isRow(value)) return renderRows([value], indent)
  return [`${indent}${value === null ? '(null: no row)' : JSON.stringify(value)}`]
}

function renderRows(rows: Row[], indent: string): string[] {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row).filter((k) => !isNested(row[k]))))]
  const cells = rows.map((row) => columns.map((c) => cell(row[c])))
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
      out.push(`${indent}  ${key}: ${count}`, ...renderValue(nested, `${indent}    `))
    }
  })
  return out
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
