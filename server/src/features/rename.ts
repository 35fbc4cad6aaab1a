// Rename for Lucid's names. A property named by key strings: its declaration and every
// foreignKey/localKey/`static primaryKey` string naming it. A relation: its declaration and every
// relation-name string that refers to it. TypeScript's own uses of the property (`post.authorId`)
// are not edited: in editors that run the TypeScript service beside us, it renames those.
import {
  ErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver'
import { checkRename, newNameProblem } from '../analysis/rename-check'
import { symbolOccurrences } from '../analysis/symbol-occurrences'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { nodeRange, offsetAt, sourceAt } from './source-at'
import { pathToUri } from './uri'

type Prepared = { range: Range; placeholder: string } | null | ResponseError<void>

export const renameFeature: Feature = {
  capabilities(client) {
    // A client that cannot prepare still gets rename; the refusals then arrive with the edit request.
    return { renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true }
  },
  register(context) {
    const { connection } = context
    connection.onPrepareRename(
      guard(
        connection,
        'prepare rename',
        (params) => prepare(context, params),
        (): Prepared => null,
      ),
    )
    connection.onRenameRequest(
      guard(
        connection,
        'rename',
        (params) => rename(context, params),
        (): WorkspaceEdit | null => null,
      ),
    )
  },
}

// Refusals are returned, not thrown: the error boundary would turn a thrown one into a silent null.
function prepare(context: ServerContext, params: PrepareRenameParams): Prepared {
  const source = sourceAt(context, params.textDocument.uri)
  if (!source) return null
  const check = checkRename(source.index, source.file, offsetAt(source.file, params.position))
  if (!check) return null
  if (check.kind === 'refuse') return new ResponseError(ErrorCodes.InvalidRequest, check.reason)
  return {
    range: nodeRange(source.file, check.origin, { insideQuotes: check.inString }),
    placeholder: check.name,
  }
}

function rename(context: ServerContext, params: RenameParams): WorkspaceEdit | null | ResponseError<void> {
  const source = sourceAt(context, params.textDocument.uri)
  if (!source) return null
  const check = checkRename(source.index, source.file, offsetAt(source.file, params.position))
  if (!check) return null
  if (check.kind === 'refuse') return new ResponseError(ErrorCodes.InvalidRequest, check.reason)
  const problem = newNameProblem(source.index, check.symbol, params.newName)
  if (problem) return new ResponseError(ErrorCodes.InvalidParams, problem)
  // The program is synced from open documents, so these offsets are in the open text.
  const byUri = new Map<string, Map<number, TextEdit & { start: number }>>()
  for (const o of symbolOccurrences(source.index, source.project.sourceFiles(), check.symbol)) {
    const file = o.node.getSourceFile()
    const unreadable = source.project.unreadableReason(file.fileName)
    if (unreadable)
      return new ResponseError(
        ErrorCodes.InvalidRequest,
        `${file.fileName} uses this name but could not be analysed (${unreadable}); fix it first.`,
      )
    const uri = pathToUri(file.fileName)
    const start = o.node.getStart(file)
    const edits = byUri.get(uri) ?? new Map()
    edits.set(start, {
      range: nodeRange(file, o.node, { insideQuotes: o.inString }),
      newText: params.newName,
      start,
    })
    byUri.set(uri, edits)
  }
  const changes: Record<string, TextEdit[]> = {}
  for (const [uri, edits] of [...byUri].sort(([a], [b]) => a.localeCompare(b))) {
    changes[uri] = [...edits.values()]
      .sort((a, b) => a.start - b.start)
      .map(({ range, newText }) => ({ range, newText }))
  }
  return { changes }
}
