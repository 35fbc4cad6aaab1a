// "Preview posts" above each relation a model declares. Listing the lenses reads only the file's
// facts (syntax) and which classes are models; the command is filled in when the editor resolves a
// lens it shows, so a long model file costs nothing for the lenses scrolled out of view.
import { isPreviewKind } from '../../../engine/src/model-graph'
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from 'vscode-languageserver'
import { fileFacts } from '../analysis/file-facts'
import { COMMANDS, type PreviewRelatedArgs } from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { rangeIn, sourceAt } from './source-at'

export const codeLensFeature: Feature = {
  capabilities() {
    return { codeLensProvider: { resolveProvider: true } }
  },
  register(context) {
    const { connection } = context
    connection.onCodeLens(
      guard(
        connection,
        'code lens',
        (params) => codeLenses(context, params),
        () => [],
      ),
    )
    // A lens that cannot be resolved is answered as it came.
    connection.onCodeLensResolve((lens) =>
      guard(connection, 'code lens resolve', resolveLens, () => lens)(lens),
    )
    // Whether a class is a model can depend on another file (its base class): the editor re-asks
    // for the lenses of an edited document itself, not for those of the others.
    const canRefresh = context.clientCapabilities.workspace?.codeLens?.refreshSupport === true
    context.onInvalidate((reason) => {
      if (reason.kind === 'files' && canRefresh)
        connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined)
    })
  },
}

function codeLenses(context: ServerContext, params: CodeLensParams): CodeLens[] {
  const uri = params.textDocument.uri
  const source = sourceAt(context, uri)
  if (!source) return []
  const { index, file } = source
  const lenses: CodeLens[] = []
  for (const cls of fileFacts(index.ts, file).classes) {
    // An anonymous class has no name a preview could start from.
    if (cls.relations.length === 0 || !cls.node.name || !index.modelOf(cls.node)) continue
    for (const relation of cls.relations) {
      // Mid-edit, a decorator can swallow what follows and leave a member without a name.
      if (!relation.name) continue
      // Only relations a preview can run get the lens (hasManyThrough cannot yet).
      if (!isPreviewKind(relation.kind)) continue
      const data: PreviewRelatedArgs = { uri, model: cls.name, relation: relation.name }
      lenses.push({
        range: rangeIn(file, relation.decorator.getStart(file), relation.nameNode.getEnd()),
        data,
      })
    }
  }
  return lenses
}

function resolveLens(lens: CodeLens): CodeLens {
  const args = previewArgs(lens.data)
  if (!args) return lens
  return {
    ...lens,
    command: { title: `Preview ${args.relation}`, command: COMMANDS.previewRelated, arguments: [args] },
  }
}

/** The lens's data as this server wrote it; anything else (another server's lens) is left alone. */
function previewArgs(data: unknown): PreviewRelatedArgs | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { uri, model, relation } = data as Record<string, unknown>
  return typeof uri === 'string' && typeof model === 'string' && typeof relation === 'string'
    ? { uri, model, relation }
    : undefined
}
