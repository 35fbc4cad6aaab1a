// Lucid 20+ cases strings with case-anything v3 (through @poppinss/utils 6 and @poppinss/string). This copies
// its word splitting for the options Lucid uses (special characters stripped): runs of digits are words of
// their own, so `address1` → `address_1`, and only Latin-1 and basic Cyrillic letters count as letters.

// case-anything's `magicSplit`: a leading lower run, a capitalised word, a lower run, a digit run, or an
// upper-case run not followed by a lower-case letter (so `HTTPRequest` → `HTTP` + `Request`).
const MAGIC_SPLIT =
  /^[a-zà-öø-ÿа-я]+|[A-ZÀ-ÖØ-ßА-Я][a-zà-öø-ÿа-я]+|[a-zà-öø-ÿа-я]+|[0-9]+|[A-ZÀ-ÖØ-ßА-Я]+(?![a-zà-öø-ÿа-я])/g
const MAGIC_FIRST = new RegExp(MAGIC_SPLIT.source)
const SPACE_SPLIT = /\S+/g
// After NFD this removes combining accents (`Ü` → `U`) but also whole Cyrillic words, as case-anything does.
const NOT_KEPT = /[^a-zA-ZØßø0-9]/g

/**
 * The stripped words, in order. The first one is kept even when stripping emptied it, because case-anything
 * then still prefixes every later word with the delimiter (`приветWorld` → `_world`).
 */
function words(input: string): string[] {
  const normal = input.trim().normalize('NFC')
  // A string with a space is split on whitespace only: `fooBar baz` → `foobar`, `baz`.
  const pieces = normal.match(normal.includes(' ') ? SPACE_SPLIT : MAGIC_SPLIT) ?? []
  return pieces.map((piece) => piece.normalize('NFD').replace(NOT_KEPT, ''))
}

export function snakeCaseV6(input: string): string {
  const [first, ...rest] = words(input)
  if (first === undefined) return ''
  return (first + rest.map((word) => (word ? `_${word}` : '')).join('')).toLowerCase()
}

function capitaliseWord(word: string): string {
  const letterAt = Math.max(word.search(MAGIC_FIRST), 0)
  return word.slice(0, letterAt + 1).toUpperCase() + word.slice(letterAt + 1).toLowerCase()
}

export function camelCaseV6(input: string): string {
  const kept = words(input).filter((word) => word !== '')
  return kept
    .map((word, index) => {
      const startsWord = (word[0] ?? '').search(MAGIC_FIRST) !== -1
      return index === 0 || !startsWord ? word.toLowerCase() : capitaliseWord(word)
    })
    .join('')
}
