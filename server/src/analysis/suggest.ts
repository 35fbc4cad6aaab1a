// "Did you mean" suggestions: the closest candidate by edit distance, case-insensitive.

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase()
  let best: string | undefined
  let bestScore = Infinity
  for (const candidate of candidates) {
    const score = distance(target, candidate.toLowerCase())
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  // Beyond a third of the word's length a suggestion is more confusing than helpful.
  return best !== undefined && bestScore <= Math.max(2, Math.ceil(word.length / 3)) ? best : undefined
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function distance(a: string, b: string): number {
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) rows.push([i])
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[]
    const prev = rows[i - 1] as number[]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      }
      row[j] = value
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}
