/** Splits `text with a | cursor` into the text without the marker and the marker's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|')
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0)
    throw new Error('exactly one | cursor marker expected')
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset }
}
