// Fixes the check computed itself (LL501, LL502): it saw the query and the statements, so the fix
// is part of the finding and only becomes offset edits here.
import type { Fix, FixInput } from './fix'

export function findingFixes(input: FixInput): Fix[] {
  const fix = input.finding.fix
  if (!fix) return []
  const edits = fix.edits.map((e) => ({ file: input.file, start: e.start, end: e.end, newText: e.newText }))
  return [{ title: fix.title, preferred: true, edits }]
}
