// From an LSP document to the analysis: the project, its model index and the SourceFile, plus the
// conversions between LSP positions and the analysis's offsets (both count UTF-16 code units).
import type * as TS from 'typescript'
import type { Position, Range } from 'vscode-languageserver'
import type { ModelIndex } from '../analysis'
import type { Project } from '../project/project'
import type { ServerContext } from './context'
import { uriToPath } from './uri'

export interface SourceAt {
  project: Project
  index: ModelIndex
  file: TS.SourceFile
}

/** Undefined for documents outside any AdonisJS app (or not TypeScript). */
export function sourceAt(context: ServerContext, uri: string): SourceAt | undefined {
  const fileName = uriToPath(uri)
  if (!fileName || !/\.(m|c)?tsx?$/.test(fileName)) return undefined
  const project = context.projects.projectFor(fileName)
  // A file TypeScript cannot read has no syntax to answer from (its diagnostic says why).
  if (!project || project.unreadableReason(fileName)) return undefined
  const index = project.index()
  const file = index.program.getSourceFile(fileName)
  return file ? { project, index, file } : undefined
}

export function offsetAt(file: TS.SourceFile, position: Position): number {
  const starts = file.getLineStarts()
  const line = Math.min(Math.max(position.line, 0), starts.length - 1)
  const lineStart = starts[line] ?? 0
  const lineEnd = starts[line + 1] ?? file.text.length
  return Math.min(lineStart + Math.max(position.character, 0), lineEnd)
}

export function rangeIn(file: TS.SourceFile, start: number, end: number): Range {
  return { start: file.getLineAndCharacterOfPosition(start), end: file.getLineAndCharacterOfPosition(end) }
}

/** The range of a node, or of a string literal's content without its quotes. */
export function nodeRange(file: TS.SourceFile, node: TS.Node, { insideQuotes = false } = {}): Range {
  const start = node.getStart(file)
  const end = node.getEnd()
  return insideQuotes ? rangeIn(file, start + 1, end - 1) : rangeIn(file, start, end)
}
