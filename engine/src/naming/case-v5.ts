// Lucid 18 (AdonisJS v5) cases strings with change-case v4, i.e. no-case 3 underneath. This copies its word
// splitting so the engine needs no runtime dependency: a word boundary is only inserted before an upper-case
// ASCII letter, never around digits, so `address1` stays one word and `User2FA` becomes `User2` + `FA`.

// `camelCase` → `camel Case`, `CAMELCase` → `CAMEL Case`; the same two passes as no-case's default.
const SPLIT_PASSES = [/([a-z0-9])([A-Z])/g, /([A-Z])([A-Z][a-z])/g]
// Anything that is not an ASCII letter or digit separates words and is dropped (accents and all).
const STRIP = /[^A-Z0-9]+/gi

function words(input: string): string[] {
  let marked = input
  for (const pass of SPLIT_PASSES) marked = marked.replace(pass, '$1\0$2')
  marked = marked.replace(STRIP, '\0')
  let start = 0
  let end = marked.length
  while (marked.charAt(start) === '\0') start++
  while (marked.charAt(end - 1) === '\0') end--
  return marked.slice(start, end).split('\0')
}

export function snakeCaseV5(input: string): string {
  return words(input)
    .map((word) => word.toLowerCase())
    .join('_')
}

export function camelCaseV5(input: string): string {
  return words(input)
    .map((word, index) => {
      if (index === 0) return word.toLowerCase()
      const first = word.charAt(0)
      const rest = word.slice(1).toLowerCase()
      // pascal-case keeps `a_1` readable instead of gluing digits onto the previous word (`a1`).
      if (first >= '0' && first <= '9') return `_${first}${rest}`
      return first.toUpperCase() + rest
    })
    .join('')
}
