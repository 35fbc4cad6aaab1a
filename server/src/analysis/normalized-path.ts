// path.normalize, remembered. The language service asks for every file's version and text on each
// program update, and several passes filter every file of a program by folder: thousands of calls
// per keystroke with the same few thousand names, each of which path.normalize would rebuild.
import * as path from 'node:path'

const cache = new Map<string, string>()
/** Past this many distinct names the cache starts again empty, so it cannot grow without end. */
const LIMIT = 50_000

export function normalizedPath(fileName: string): string {
  let out = cache.get(fileName)
  if (out === undefined) {
    if (cache.size >= LIMIT) cache.clear()
    out = path.normalize(fileName)
    cache.set(fileName, out)
  }
  return out
}
