// The file's own formatting, so inserted code looks like the code around it.
import type * as TS from 'typescript'

/** The whitespace before the first character of the line that holds `offset`. */
export function lineIndent(file: TS.SourceFile, offset: number): string {
  const start = lineStartOf(file, offset)
  return /^[ \t]*/.exec(file.text.slice(start))?.[0] ?? ''
}

export function lineStartOf(file: TS.SourceFile, offset: number): number {
  const { line } = file.getLineAndCharacterOfPosition(offset)
  return file.getLineStarts()[line] ?? 0
}

/** True when only whitespace precedes `offset` on its line. */
export function startsLine(file: TS.SourceFile, offset: number): boolean {
  return /^[ \t]*$/.test(file.text.slice(lineStartOf(file, offset), offset))
}

/** One level of indentation: a tab, or the smallest space indent of the file (2 when unknown). */
export function indentUnit(file: TS.SourceFile): string {
  let smallest = Infinity
  for (const match of file.text.matchAll(/^([ \t]+)\S/gm)) {
    const indent = match[1] ?? ''
    if (indent.startsWith('\t')) return '\t'
    smallest = Math.min(smallest, indent.length)
  }
  return ' '.repeat(Number.isFinite(smallest) ? smallest : 2)
}

/** The quote the file uses for its import specifiers (single when it has none). */
export function quoteOf(file: TS.SourceFile): string {
  return /^\s*import\b[^\n]*?"/m.test(file.text) && !/^\s*import\b[^\n]*?'/m.test(file.text) ? '"' : "'"
}

/** The line break the file uses. */
export function newlineOf(file: TS.SourceFile): string {
  return file.text.includes('\r\n') ? '\r\n' : '\n'
}
