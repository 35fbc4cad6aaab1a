// Go to definition from Lucid's strings: a foreignKey/localKey or column string to the property, a
// relation-name string to the relation, and a relation callback's model to its class. Identifiers
// elsewhere are TypeScript's, so the answer there is null.
import type * as TS from 'typescript'
import type { Location, LocationLink } from 'vscode-languageserver'
import { symbolAt, type LucidSymbol } from '../analysis/lucid-symbol'
import { isStringLike } from '../analysis/syntax'
import { guard } from './boundary'
import type { Feature } from './context'
import { nodeRange, offsetAt, sourceAt } from './source-at'
import { pathToUri } from './uri'

export const definitionFeature: Feature = {
  capabilities() {
    return { definitionProvider: true }
  },
  register(context) {
    const { connection, ts } = context
    const linkSupport = context.clientCapabilities.textDocument?.definition?.linkSupport === true
    connection.onDefinition(
      guard(
        connection,
        'definition',
        (params): Location[] | LocationLink[] | null => {
          const source = sourceAt(context, params.textDocument.uri)
          if (!source) return null
          const at = symbolAt(source.index, source.file, offsetAt(source.file, params.position))
          // A declaration's own name is TypeScript's (it answers with the declaration itself).
          if (!at?.found || at.context === 'declaration') return null
          const target = declarationOf(ts, at.symbol)
          const file = target.name.getSourceFile()
          const uri = pathToUri(file.fileName)
          const targetSelectionRange = nodeRange(file, target.name, {
            insideQuotes: isStringLike(ts, target.name),
          })
          if (!linkSupport) return [{ uri, range: targetSelectionRange }]
          const origin = at.origin
          return [
            {
              originSelectionRange: nodeRange(source.file, origin, {
                insideQuotes: isStringLike(ts, origin),
              }),
              targetUri: uri,
              targetRange: nodeRange(file, target.whole),
              targetSelectionRange,
            },
          ]
        },
        () => null,
      ),
    )
  },
}

/** The declaration's name and the whole declaration (decorators included) it belongs to. */
function declarationOf(ts: typeof TS, symbol: LucidSymbol): { name: TS.Node; whole: TS.Node } {
  if (symbol.kind === 'model') {
    const node = symbol.model.facts.node
    return { name: node.name ?? node, whole: node }
  }
  const name = symbol.kind === 'property' ? symbol.property.nameNode : symbol.relation.nameNode
  const member = ts.isClassElement(name.parent) ? name.parent : name
  return { name, whole: member }
}
