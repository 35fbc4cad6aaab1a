// How a row reads in the row picker: its key, and the readable column beside it; a long key (a
// uuid) goes after the readable value, which would otherwise be cut off. Pure.
import type { RowChoice } from '../../server/src/protocol'

/** Keys longer than this read worse than the label they would push out of view. */
const SHORT_KEY = 12

export interface RowText {
  label: string
  description?: string
  detail?: string
}

export function rowText(row: RowChoice): RowText {
  const key = String(row.key)
  const detail = row.detail || undefined
  if (row.label === key) return { label: key, ...(detail ? { detail } : {}) }
  if (key.length > SHORT_KEY) return { label: row.label, description: key, ...(detail ? { detail } : {}) }
  return { label: key, description: row.label, ...(detail ? { detail } : {}) }
}
