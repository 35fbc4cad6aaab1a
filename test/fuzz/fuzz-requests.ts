// Random requests of every kind the server answers, at random positions of a document: the LSP
// features and the custom lucidLens/* requests (previews on the app's SQLite database included).
import {
  EXPRESSION_AT_REQUEST,
  MODELS_REQUEST,
  PREVIEW_REQUEST,
  REFRESH_SCHEMA_REQUEST,
  ROWS_REQUEST,
} from '../../server/src/protocol'
import type { Random } from './random'

export interface FuzzRequest {
  method: string
  params: unknown
}

export const REQUEST_WEIGHTS = {
  'textDocument/hover': 5,
  'textDocument/completion': 5,
  'textDocument/definition': 3,
  'textDocument/references': 2,
  'textDocument/prepareRename': 2,
  'textDocument/rename': 2,
  'textDocument/codeAction': 3,
  'textDocument/codeLens': 2,
  'textDocument/inlayHint': 2,
  'textDocument/diagnostic': 6,
  [MODELS_REQUEST]: 1,
  [ROWS_REQUEST]: 1,
  [PREVIEW_REQUEST]: 1,
  [EXPRESSION_AT_REQUEST]: 2,
  [REFRESH_SCHEMA_REQUEST]: 1,
} as const

const EXPRESSIONS = [
  'User.query().limit(2)',
  "User.query().preload('posts', (q) => q.limit(1)).limit(2)",
  "User.query().preload('posts', (q) => helper(q))",
  "Post.query().withCount('comments').limit(2)",
  "User.findOrFail(1).related('posts').query()",
  "User.query().where('id', someId)",
  'User.query(',
]

/** The LSP position of a text offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return { line, character: offset - (before.lastIndexOf('\n') + 1) }
}

export function randomRequest(random: Random, uri: string, text: string): FuzzRequest {
  const method = random.weighted(REQUEST_WEIGHTS)
  const start = random.int(text.length + 1)
  const position = positionAt(text, start)
  const end = positionAt(text, Math.min(text.length, start + random.int(40)))
  const textDocument = { uri }
  switch (method) {
    case 'textDocument/references':
      return { method, params: { textDocument, position, context: { includeDeclaration: true } } }
    case 'textDocument/rename':
      return { method, params: { textDocument, position, newName: random.pick(['renamed', 'posts', 'x1']) } }
    case 'textDocument/codeAction':
      return {
        method,
        params: { textDocument, range: { start: position, end }, context: { diagnostics: [] } },
      }
    case 'textDocument/codeLens':
    case 'textDocument/diagnostic':
      return { method, params: { textDocument } }
    case 'textDocument/inlayHint':
      return { method, params: { textDocument, range: { start: { line: 0, character: 0 }, end } } }
    case MODELS_REQUEST:
      return { method, params: { uri } }
    case ROWS_REQUEST:
      return { method, params: { uri, model: random.pick(['User', 'Post', 'Nope']), limit: 5 } }
    case PREVIEW_REQUEST:
      return { method, params: { uri, expression: random.pick(EXPRESSIONS), rowCap: 5 } }
    case EXPRESSION_AT_REQUEST:
      return { method, params: { uri, range: { start: position, end } } }
    case REFRESH_SCHEMA_REQUEST:
      return { method, params: { uri } }
    default:
      return { method, params: { textDocument, position } }
  }
}
