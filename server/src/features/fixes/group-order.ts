// LL302 and LL303: groupOrderBy needs a groupLimit in the same query and a direction.
import { callAt } from './call-at'
import { insertAt, type Fix, type FixInput } from './fix'

export function groupLimitFixes(input: FixInput): Fix[] {
  const call = callAt(input, 'groupOrderBy')
  if (!call || !input.index.ts.isPropertyAccessExpression(call.expression)) return []
  // `q.groupOrderBy(...)` → `q.groupLimit(10).groupOrderBy(...)`: 10 is a placeholder to edit.
  const at = call.expression.name.getStart(input.file)
  return [
    { title: 'Add groupLimit(10)', preferred: true, edits: [insertAt(input.file, at, 'groupLimit(10).')] },
  ]
}

export function directionFixes(input: FixInput): Fix[] {
  const call = callAt(input, 'groupOrderBy')
  const column = call?.arguments[0]
  if (!call || !column || call.arguments.length !== 1) return []
  const quote = /^["'`]/.exec(column.getText(input.file))?.[0]
  const q = quote === '"' ? '"' : "'"
  // Neither direction is the obvious one, so neither is preferred.
  return ['asc', 'desc'].map((direction) => ({
    title: `Add direction '${direction}'`,
    edits: [insertAt(input.file, column.getEnd(), `, ${q}${direction}${q}`)],
  }))
}
