// How a queued answer (test hook) picks a quick pick item: the first whose label equals it, else the
// first whose label, description or detail contains it. Pure, so the rule is tested on its own.

/** The answer that cancels a quick pick or an input box, as Escape would. */
export const ESCAPE_ANSWER = '<escape>'

export interface Labelled {
  label: string
  description?: string
  detail?: string
}

export function matchAnswer<T extends Labelled>(items: readonly T[], answer: string): T | undefined {
  return (
    items.find((item) => item.label === answer) ??
    items.find((item) =>
      [item.label, item.description, item.detail].some((text) => text !== undefined && text.includes(answer)),
    )
  )
}

/** A multi-select answer: labels separated by commas; an empty answer selects nothing. */
export function matchMany<T extends Labelled>(
  items: readonly T[],
  answer: string,
): { picked: T[]; unmatched: string[] } {
  const parts = answer
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  const picked: T[] = []
  const unmatched: string[] = []
  for (const part of parts) {
    const item = matchAnswer(items, part)
    if (item === undefined) unmatched.push(part)
    else if (!picked.includes(item)) picked.push(item)
  }
  return { picked, unmatched }
}

export function describeItems(items: readonly Labelled[]): string {
  const labels = items.slice(0, 20).map((item) => JSON.stringify(item.label))
  return items.length > 20 ? `${labels.join(', ')}, …` : labels.join(', ') || '(no items)'
}
