// Lucid's `prepareForAdapter` and auto timestamps for the dialect at hand: attributes become column
// names, date columns are prepared like `@column.date` / `@column.dateTime` do (strings and empty
// values pass through, luxon values are formatted, anything else is refused), and `autoCreate` /
// `autoUpdate` columns get "now" from the runtime's clock, as `DateTime.local()` would.
import type { ColumnInfo } from '../model-graph'
import { DateColumnValue, fromInstant } from '../query/date-values'
import { PreviewError } from '../query/errors'
import type { ModelInstance } from '../query/model-instance'
import type { ModelMeta } from '../query/model-registry'
import { setAttribute } from './instance-state'

/** What differs per Lucid dialect for writes (`dialects/*.ts`). */
export interface WriteDialect {
  /** `supportsReturningStatement`: the insert asks for the primary key back. */
  returning: boolean
  /** `dateTimeFormat`: `yyyy-MM-dd HH:mm:ss` (SQLite, MySQL) or ISO with millis and offset (PostgreSQL). */
  dateTimeFormat: 'sql' | 'iso'
}

export function writeDialect(client: string): WriteDialect {
  return ['pg', 'postgres', 'postgresql'].includes(client)
    ? { returning: true, dateTimeFormat: 'iso' }
    : { returning: false, dateTimeFormat: 'sql' }
}

/** `Model.$columnsDefinitions` in definition order; a redefinition keeps the first position. */
export function columnDefinitions(model: ModelMeta): ColumnInfo[] {
  const seen = new Set<string>()
  const columns: ColumnInfo[] = []
  for (const { attribute } of model.info.columns) {
    const column = model.column(attribute)
    if (column && !seen.has(attribute)) columns.push(column)
    seen.add(attribute)
  }
  return columns
}

/** `initiateAutoCreateColumns` (insert) and `initiateAutoUpdateColumns` (update). */
export function touchTimestamps(instance: ModelInstance, on: 'insert' | 'update', now: Date): void {
  for (const column of columnDefinitions(instance.model)) {
    if (column.decorator === 'column') continue
    const set =
      on === 'insert'
        ? !instance.attributes.get(column.attribute) && (column.autoCreate || column.autoUpdate)
        : column.autoUpdate
    if (set) setAttribute(instance, column.attribute, fromInstant(now.getTime()))
  }
}

export function prepareForAdapter(
  model: ModelMeta,
  attributes: Map<string, unknown>,
  dialect: WriteDialect,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [attribute, value] of attributes) {
    const column = model.column(attribute)
    if (!column) continue
    result[column.columnName] =
      column.decorator === 'column' ? value : prepareDate(model, column, value, dialect)
  }
  return result
}

function prepareDate(model: ModelMeta, column: ColumnInfo, value: unknown, dialect: WriteDialect): unknown {
  if (typeof value === 'string' || !value) return value
  const invalid = (reason: string) =>
    new PreviewError(
      `Invalid value for "${model.name}.${column.attribute}". ${reason}`,
      'E_INVALID_DATE_COLUMN_VALUE',
    )
  if (!(value instanceof DateColumnValue)) {
    throw invalid('It must be an instance of "luxon.DateTime"')
  }
  if (value.iso === null || value.isoDate === null) throw invalid('unparsable')
  if (column.decorator === 'date') return value.isoDate
  return dialect.dateTimeFormat === 'iso' ? value.iso : `${value.iso.slice(0, 10)} ${value.iso.slice(11, 19)}`
}
