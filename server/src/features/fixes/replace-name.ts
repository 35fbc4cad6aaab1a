// LL101, LL102, LL103, LL201, LL304, LL407 and LL601: the finding's range is a string literal (or, for
// LL601, the key of `where({ key: ... })`) and the analysis knows the right name (did-you-mean, the
// property of a column name, the column of an attribute).
import type { Fix, FixInput } from './fix'

const TITLES: Record<string, (name: string) => string> = {
  LL101: (name) => `Change to '${name}'`,
  LL102: (name) => `Change to '${name}'`,
  LL103: (name) => `Use the property name '${name}'`,
  LL201: (name) => `Change to '${name}'`,
  LL304: (name) => `Use the column name '${name}'`,
  LL407: (name) => `Change to '${name}'`,
  LL601: (name) => `Change to '${name}'`,
}

/** Codes whose range may be a bare object key (`where({ titel: 1 })`); others start at a decorator name. */
const BARE_KEY_CODES = new Set(['LL601'])

export function replaceNameFixes({ file, finding }: FixInput): Fix[] {
  const title = TITLES[finding.code]
  const name = finding.suggestion
  if (!title || name === undefined) return []
  const quote = file.text[finding.start]
  const quoted = !!quote && `'"\``.includes(quote) && file.text[finding.end - 1] === quote
  // Only a quoted literal (or a template without substitutions) is rewritten, or a bare property key
  // with a name that can stand bare; never other code.
  const bare =
    !quoted &&
    BARE_KEY_CODES.has(finding.code) &&
    /^[A-Za-z_$][\w$]*$/.test(file.text.slice(finding.start, finding.end))
  if (!quoted && !(bare && /^[A-Za-z_$][\w$]*$/.test(name))) return []
  if (!/^[\w$.]+$/.test(name)) return []
  const [start, end] = quoted ? [finding.start + 1, finding.end - 1] : [finding.start, finding.end]
  return [{ title: title(name), preferred: true, edits: [{ file, start, end, newText: name }] }]
}
