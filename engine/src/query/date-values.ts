// `@column.dateTime` / `@column.date` hydrate with luxon's `DateTime.fromSQL` in the system zone and
// serialize with `toISO()` / `toISODate()`. The engine does not ship luxon, so this re-implements the
// SQL formats luxon accepts (`YYYY-MM-DD[ HH[:mm[:ss[.fff]]][ ][Z|+HH[:mm]]]`) with the same output.
import { PreviewError } from './errors'

/** A consumed date column value; like a luxon DateTime it never equals another instance. */
export class DateColumnValue {
  constructor(
    /** `toISO()`: null when luxon would produce an invalid DateTime. */
    readonly iso: string | null,
    /** `toISODate()`. */
    readonly isoDate: string | null,
  ) {}
}

const SQL_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)(?: (\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,30}))?)?)? ?(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)?)?$/

/** Lucid's `consumeDateTimeColumn` / `consumeDateColumn` for the values SQLite drivers return. */
export function consumeDateColumn(value: unknown, modelName: string, attribute: string): unknown {
  if (!value) return value
  if (value instanceof Date) return fromInstant(value.getTime())
  if (typeof value !== 'string') {
    throw new PreviewError(
      `Invalid value for "${modelName}.${attribute}". ${typeof value} cannot be formatted`,
      'E_INVALID_DATE_COLUMN_VALUE',
    )
  }
  return fromSql(value)
}

export function serializeDateColumn(value: unknown, decorator: 'date' | 'dateTime'): unknown {
  if (!(value instanceof DateColumnValue)) return value
  return decorator === 'date' ? value.isoDate : value.iso
}

function fromSql(text: string): DateColumnValue {
  const match = SQL_DATE_TIME.exec(text)
  if (!match) return new DateColumnValue(null, null)
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const millis = match[7] ? Math.floor(parseFloat(`0.${match[7]}`) * 1000) : 0
  if (!isValid(year, month, day, hour, minute, second)) return new DateColumnValue(null, null)
  if (match[8] || match[9]) {
    const sign = match[9]?.startsWith('-') ? -1 : 1
    const offset = match[8] ? 0 : sign * (Math.abs(Number(match[9])) * 60 + Number(match[10] ?? 0))
    const utc = new Date(0)
    utc.setUTCFullYear(year, month - 1, day)
    utc.setUTCHours(hour, minute, second, millis)
    return fromInstant(utc.getTime() - offset * 60_000)
  }
  const local = new Date(0)
  local.setFullYear(year, month - 1, day)
  local.setHours(hour, minute, second, millis)
  return fromInstant(local.getTime())
}

function isValid(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate()
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const maxDay = month === 2 ? (leap ? 29 : 28) : daysInMonth
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay && hour < 24 && minute < 60 && second < 60
}

/** Formats an instant in the system zone like luxon's `toISO()` (`+00:00`, never `Z`). */
export function fromInstant(time: number): DateColumnValue {
  const date = new Date(time)
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')
  const isoDate = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  const offset = -date.getTimezoneOffset()
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  return new DateColumnValue(`${isoDate}T${clock}.${pad(date.getMilliseconds(), 3)}${zone}`, isoDate)
}
