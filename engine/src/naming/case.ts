// Which case conversion a generation uses: change-case v4 for Lucid 18, case-anything v3 from Lucid 20 on.
import type { LucidGeneration } from '../model-graph'
import { camelCaseV5, snakeCaseV5 } from './case-v5'
import { camelCaseV6, snakeCaseV6 } from './case-v6'

export function snakeCase(input: string, generation: LucidGeneration): string {
  return generation === 'v5' ? memo(snakeV5, snakeCaseV5, input) : memo(snakeV6, snakeCaseV6, input)
}

export function camelCase(input: string, generation: LucidGeneration): string {
  return generation === 'v5' ? memo(camelV5, camelCaseV5, input) : memo(camelV6, camelCaseV6, input)
}

// An app names the same few hundred properties and classes again and again (every column, key and
// table default goes through here), and the conversions split words with regular expressions.
const snakeV5 = new Map<string, string>()
const snakeV6 = new Map<string, string>()
const camelV5 = new Map<string, string>()
const camelV6 = new Map<string, string>()
/** Past this many distinct inputs a memo starts again empty, so typing names cannot grow it forever. */
const MEMO_LIMIT = 20_000

function memo(cache: Map<string, string>, convert: (input: string) => string, input: string): string {
  let out = cache.get(input)
  if (out === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear()
    out = convert(input)
    cache.set(input, out)
  }
  return out
}
