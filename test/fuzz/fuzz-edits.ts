// Random edits of an open document, as a user typing makes them: an import changed to a path that
// resolves nowhere (a new one each time), characters inserted or deleted anywhere (broken
// TypeScript mid-edit), a relation or column name retyped, a block of deeply nested parentheses
// pasted in, and a return to the file's original text so it does not drift away from Lucid code.
import type { Random } from './random'

export type EditKind = 'importPath' | 'typo' | 'deletion' | 'rename' | 'deepNesting' | 'restore'

export const EDIT_WEIGHTS: Record<EditKind, number> = {
  importPath: 4,
  typo: 4,
  deletion: 3,
  rename: 3,
  deepNesting: 1,
  restore: 2,
}

const TYPED = ["'", '"', '(', ')', '{', '}', '.', ',', ';', '@', ' ', '\n', 'a', 'Z', '0', '=>', 'await ']
const NAMES = ['posts', 'author', 'comments', 'userId', 'postId', 'id', 'tags', 'coments', 'publishedPosts']

export interface EditResult {
  text: string
  kind: EditKind
}

/** The next text of a document. `counter` makes every unresolvable import path new. */
export function randomEdit(random: Random, text: string, original: string, counter: number): EditResult {
  const kind = random.weighted(EDIT_WEIGHTS)
  switch (kind) {
    case 'importPath': {
      const imports = [...text.matchAll(/from '([^']+)'/g)]
      if (!imports.length)
        return { kind, text: `import Gone${counter} from '#models/gone_${counter}'\n${text}` }
      const match = random.pick(imports)
      const start = (match.index ?? 0) + 6
      const spec = random.pick([
        `#models/gone_${counter}`,
        `./missing/${counter}.js`,
        `../nowhere_${counter}`,
      ])
      return { kind, text: text.slice(0, start) + spec + text.slice(start + (match[1]?.length ?? 0)) }
    }
    case 'typo': {
      const at = random.int(text.length + 1)
      return { kind, text: text.slice(0, at) + random.pick(TYPED) + text.slice(at) }
    }
    case 'deletion': {
      const at = random.int(text.length + 1)
      return { kind, text: text.slice(0, at) + text.slice(at + 1 + random.int(12)) }
    }
    case 'rename': {
      const strings = [...text.matchAll(/'([a-zA-Z_]+)'/g)]
      if (!strings.length) return { kind, text }
      const match = random.pick(strings)
      const start = (match.index ?? 0) + 1
      return {
        kind,
        text: text.slice(0, start) + random.pick(NAMES) + text.slice(start + (match[1]?.length ?? 0)),
      }
    }
    case 'deepNesting': {
      const depth = 1000 + random.int(1500)
      // Brackets (found by a scan) or a chain of `!` (found only by parsing the text alone).
      const block = random.int(2)
        ? `\nconst deep${counter} = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`
        : `\nconst deep${counter} = ${'!'.repeat(depth * 8)}1\n`
      return { kind, text: text + block }
    }
    case 'restore':
      return { kind, text: original }
  }
}
