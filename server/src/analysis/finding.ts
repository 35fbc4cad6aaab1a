// A finding is plain data with offsets into one file; features convert it to LSP once.
import type * as TS from 'typescript'
import { CODES, type FindingKind, type Severity } from './codes'

export interface RelatedLocation {
  fileName: string
  start: number
  end: number
  message: string
}

/** A text edit in the finding's own file. */
export interface FindingEdit {
  start: number
  end: number
  newText: string
}

/** A fix the check itself knows exactly (it saw the query and the statement to move). */
export interface FindingFix {
  title: string
  edits: FindingEdit[]
}

export interface Finding {
  kind: FindingKind
  code: string
  severity: Severity
  message: string
  fileName: string
  start: number
  end: number
  related?: RelatedLocation[]
  /** A replacement that fixes the finding, for quick fixes (e.g. the did-you-mean property). */
  suggestion?: string
  /** The quick fix, when the check could compute it. */
  fix?: FindingFix
  /** LL405: the column no index starts with, as the schema names it (a migration can index it). */
  unindexed?: { table: string; column: string }
  /** The diagnostic source shown by editors; `lucid-lens` when absent. */
  source?: string
}

export function finding(
  kind: FindingKind,
  node: TS.Node,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const info = CODES[kind]
  return {
    kind,
    code: info.code,
    severity: info.severity,
    message,
    fileName: node.getSourceFile().fileName,
    start: node.getStart(),
    end: node.getEnd(),
    ...extra,
  }
}

export function locationOf(node: TS.Node, message: string): RelatedLocation {
  return { fileName: node.getSourceFile().fileName, start: node.getStart(), end: node.getEnd(), message }
}
