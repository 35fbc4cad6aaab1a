// A preview's awaited value as tables: attribute columns, then Lucid's `$extras` (`$posts_count`),
// then one column per preloaded relation whose cells hold the related rows as a nested table. The
// panel and the CSV export both read this shape. Pure.
import type {
  ModelExtras,
  ResultExtras,
  SerializedModel,
  SerializedResult,
} from '../../engine/src/query/result'

export type Column =
  | { kind: 'attribute'; name: string; header: string }
  | { kind: 'extra'; name: string; header: string }
  | { kind: 'relation'; name: string; header: string }

export type Cell =
  | { kind: 'value'; value: unknown }
  /** A preloaded relation: its rows (an array relation) or row (a single one), or null. */
  | { kind: 'relation'; name: string; many: boolean; table: Table | null; value: unknown }

export interface Table {
  columns: Column[]
  rows: Cell[][]
}

export type TopLevel =
  | { kind: 'table'; table: Table; meta?: Record<string, unknown> }
  | { kind: 'affected'; counts: number[] }
  | { kind: 'none' }

type Row = Record<string, unknown>

export function topLevel(result: SerializedResult, extras: ResultExtras): TopLevel {
  if (result === null) return { kind: 'none' }
  if (Array.isArray(result)) {
    if (result.every((item) => typeof item === 'number')) {
      return result.length > 0 ? { kind: 'affected', counts: result as number[] } : tableTop([], [])
    }
    return tableTop(result as SerializedModel[], Array.isArray(extras) ? extras : [])
  }
  if (isPage(result)) {
    const pageExtras = extras !== null && !Array.isArray(extras) && 'data' in extras ? extras.data : []
    return { kind: 'table', table: tableOf(result.data, pageExtras), meta: result.meta }
  }
  const single = extras !== null && !Array.isArray(extras) && !('data' in extras) ? [extras] : []
  return tableTop([result as SerializedModel], single)
}

function tableTop(rows: SerializedModel[], extras: ModelExtras[]): TopLevel {
  return { kind: 'table', table: tableOf(rows, extras) }
}

/** Lucid's own bookkeeping in `$extras` is not the user's data. */
function shownExtra(name: string): boolean {
  return !name.startsWith('adonis_')
}

export function tableOf(rows: readonly Row[], extras: readonly (ModelExtras | undefined)[]): Table {
  // A relation is what the engine lists in a row's extras; without them, what looks like rows.
  const relations = new Set<string>()
  rows.forEach((row, i) => {
    for (const name of Object.keys(extras[i]?.relations ?? {})) if (name in row) relations.add(name)
    for (const [name, value] of Object.entries(row)) if (looksNested(value)) relations.add(name)
  })
  const attributes = unique(rows.flatMap((row) => Object.keys(row).filter((name) => !relations.has(name))))
  const extraNames = unique(extras.flatMap((e) => Object.keys(e?.extras ?? {}).filter(shownExtra)))
  const relationNames = unique(rows.flatMap((row) => Object.keys(row).filter((name) => relations.has(name))))
  const columns: Column[] = [
    ...attributes.map((name): Column => ({ kind: 'attribute', name, header: name })),
    ...extraNames.map((name): Column => ({ kind: 'extra', name, header: `$${name}` })),
    ...relationNames.map((name): Column => ({ kind: 'relation', name, header: name })),
  ]
  const cells = rows.map((row, i) =>
    columns.map((column): Cell => {
      if (column.kind === 'extra') return { kind: 'value', value: extras[i]?.extras[column.name] }
      if (column.kind === 'attribute') return { kind: 'value', value: row[column.name] }
      return relationCell(column.name, row[column.name], extras[i]?.relations[column.name])
    }),
  )
  return { columns, rows: cells }
}

function relationCell(
  name: string,
  value: unknown,
  extras: ModelExtras[] | ModelExtras | null | undefined,
): Cell {
  if (Array.isArray(value)) {
    const nestedExtras = Array.isArray(extras) ? extras : []
    return { kind: 'relation', name, many: true, table: tableOf(value.filter(isRow), nestedExtras), value }
  }
  if (isRow(value)) {
    const nestedExtras = extras && !Array.isArray(extras) ? [extras] : []
    return { kind: 'relation', name, many: false, table: tableOf([value], nestedExtras), value }
  }
  return { kind: 'relation', name, many: false, table: null, value }
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function looksNested(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isRow)
}

function isPage(value: unknown): value is { meta: Row; data: Row[] } {
  return (
    isRow(value) && Object.keys(value).length === 2 && isRow(value['meta']) && Array.isArray(value['data'])
  )
}

/** A cell's value as one line of text: strings as they are, the rest as JSON; null as `null`. */
export function cellText(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  return JSON.stringify(value) ?? String(value)
}
