// TypeScript's parser, binder and checker recurse once per nesting level and overflow the stack
// somewhere between 500 and 1,000 nested brackets. A file nested deeper is not handed to them: one
// linear scan of the text (strings, template literals and comments skipped) finds it first.

/** Deeper than any code a person writes, well below where TypeScript overflows. */
export const MAX_NESTING = 256

/** Why the text cannot be analysed, or undefined when its brackets nest at most MAX_NESTING deep. */
export function nestingProblem(text: string, limit = MAX_NESTING): string | undefined {
  let depth = 0
  let deepest = 0
  let deepestAt = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      depth++
      if (depth > deepest) [deepest, deepestAt] = [depth, i]
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth = Math.max(0, depth - 1)
    } else if (c === 0x27 || c === 0x22 || c === 0x60) {
      i = skipString(text, i, c)
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 1
    }
  }
  if (deepest <= limit) return undefined
  const line = text.slice(0, deepestAt).split('\n').length
  return `its brackets nest ${deepest} levels deep at line ${line} (Lucid Lens reads files nested up to ${limit} levels)`
}

/** The index of the closing quote (a template's `${...}` is skipped with it: it holds code, rarely). */
function skipString(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i++
    else if (c === quote) return i
    else if (c === 0x0a && quote !== 0x60) return i
  }
  return text.length
}
