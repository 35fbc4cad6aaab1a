// Merging two rename answers into one: VS Code applies the edits of one rename provider only, so the
// client asks TypeScript for the property's code uses and adds Lucid's key and relation-name strings.
// Pure: tested without VS Code.

export interface PlainEdit {
  uri: string
  /** Offsets are not known here: zero-based line/character, start inclusive, end exclusive. */
  start: { line: number; character: number }
  end: { line: number; character: number }
  newText: string
}

/** TypeScript's edits, plus each of ours that touches none of them (the shared declaration once). */
export function mergeEdits(theirs: PlainEdit[], ours: PlainEdit[]): PlainEdit[] {
  const merged = [...theirs]
  for (const edit of ours) if (!theirs.some((other) => overlaps(edit, other))) merged.push(edit)
  return merged
}

function overlaps(a: PlainEdit, b: PlainEdit): boolean {
  if (a.uri !== b.uri) return false
  return before(a.start, b.end) && before(b.start, a.end)
}

/** `x` comes strictly before `y`. */
function before(x: PlainEdit['start'], y: PlainEdit['start']): boolean {
  return x.line < y.line || (x.line === y.line && x.character < y.character)
}

/**
 * The first edit outside quotes (`charsBefore[i]` is the character before edit i): the property's
 * declaration, where TypeScript can rename it.
 */
export function codeEdit(edits: PlainEdit[], charsBefore: string[]): PlainEdit | undefined {
  return edits.find((_, i) => !QUOTES.has(charsBefore[i] ?? ''))
}

const QUOTES = new Set(["'", '"', '`'])
