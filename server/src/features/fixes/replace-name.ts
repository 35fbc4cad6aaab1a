// LL101, LL102, LL103, LL201, LL304 and LL407 (written names): the finding's range is a string literal and the analysis
// knows the right name (did-you-mean, the property of a column name, the column of an attribute).
import type { Fix, FixInput } from './fix'

const TITLES: Record<string, (name: string) => string> = {
  LL101: (name) => `Change to '${name}'`,
  LL102: (name) => `Change to '${name}'`,
  LL103: (name) => `Use the property name '${name}'`,
  LL201: (name) => `Change to '${name}'`,
  LL304: (name) => `Use the column name '${name}'`,
  LL407: (name) => `Change to '${name}'`,
}

export function replaceNameFixes({ file, finding }: FixInput): Fix[] {
  const title = TITLES[finding.code]
  const name = finding.suggestion
  if (!title || name === undefined) return []
  const quote = file.text[finding.start]
  // Only a quoted literal (or a template without substitutions) is rewritten, never other code.
  if (!quote || !`'"\``.includes(quote) || file.text[finding.end - 1] !== quote) return []
  if (!/^[\w$.]+$/.test(name)) return []
  return [
    {
      title: title(name),
      preferred: true,
      edits: [{ file, start: finding.start + 1, end: finding.end - 1, newText: name }],
    },
  ]
}
