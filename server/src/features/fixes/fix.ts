// What a fix is before it becomes LSP: plain text edits with offsets into SourceFiles, so every fix
// family stays a small pure function and code-actions.ts converts once.
import type * as TS from 'typescript'
import type { Finding, ModelIndex } from '../../analysis'

export interface OffsetEdit {
  file: TS.SourceFile
  start: number
  end: number
  newText: string
}

/** A file the fix creates: offered only to clients that can create files in a workspace edit. */
export interface NewFile {
  fileName: string
  text: string
}

export interface Fix {
  title: string
  edits: OffsetEdit[]
  create?: NewFile
  /** The obvious fix of its finding: editors apply it with "auto fix". */
  preferred?: boolean
}

export interface FixInput {
  index: ModelIndex
  /** The app's folder (where its tsconfig is). */
  rootDir: string
  /** The file the finding is reported in. */
  file: TS.SourceFile
  finding: Finding
}

export type FixProvider = (input: FixInput) => Fix[]

export function insertAt(file: TS.SourceFile, offset: number, newText: string): OffsetEdit {
  return { file, start: offset, end: offset, newText }
}
