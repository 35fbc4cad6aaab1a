// Table names are pluralized with pluralize@8. From Lucid 20 on, @poppinss/string registers nine extra plural
// rules on the shared pluralize instance at import time. Doing the same here would leak them into v5 results,
// so the extra rules are applied before delegating, with the semantics pluralize would give them.
import { plural } from 'pluralize'
import type { LucidGeneration } from '../model-graph'

/** @poppinss/string 1.7's additions, in registration order. */
const POPPINSS_PLURALS: ReadonlyArray<readonly [string, string]> = [
  ['bias', 'biases'],
  ['canvas', 'canvases'],
  ['cache', 'caches'],
  ['cliche', 'cliches'],
  ['fez', 'fezzes'],
  ['lens', 'lenses'],
  ['niche', 'niches'],
  ['quiche', 'quiches'],
  ['veto', 'vetoes'],
]

// pluralize tries its rules newest first, so these (added last) beat every built-in suffix rule, and each one
// matches the singular as a suffix: `contact_lens` → `contact_lenses`. pluralize's whole-word irregular and
// uncountable lists are consulted before any rule, but none of them ends in one of these singulars.
const EXTRA_RULES = POPPINSS_PLURALS.map(([singular, pluralForm]) => ({
  pattern: new RegExp(`(${singular})$`, 'i'),
  suffix: pluralForm.slice(singular.length),
})).reverse()

/** pluralize's `restoreCase`: give `token` the casing style of `word`. */
function restoreCase(word: string, token: string): string {
  if (word === token) return token
  if (word === word.toLowerCase()) return token.toLowerCase()
  if (word === word.toUpperCase()) return token.toUpperCase()
  const first = word[0] ?? ''
  if (first === first.toUpperCase()) return token.charAt(0).toUpperCase() + token.slice(1).toLowerCase()
  return token.toLowerCase()
}

export function pluralize(word: string, generation: LucidGeneration): string {
  if (generation !== 'v5') {
    const rule = EXTRA_RULES.find(({ pattern }) => pattern.test(word))
    if (rule) return word.replace(rule.pattern, (match) => restoreCase(match, match + rule.suffix))
  }
  return plural(word)
}
