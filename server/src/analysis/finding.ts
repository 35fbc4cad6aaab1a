// A finding is plain data with offsets into one file; features convert it to LSP once.
import type * as TS from 'typescript'
import { CODES, type FindingKind, type Severity } from './codes'

export interface RelatedLocation {
  fileName: string
  start: number
  end: number
  message: string
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
