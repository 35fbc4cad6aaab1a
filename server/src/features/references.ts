// Find references for Lucid's names: on a property named by key strings (its declaration or a key
// string) every foreignKey/localKey/primaryKey string naming it; on a relation (its declaration or
// a relation-name string) every related/preload/withCount/whereHas... string that refers to it.
// TypeScript's own references are the TypeScript service's; editors merge both lists.
import type { Location } from 'vscode-languageserver'
import { symbolAt } from '../analysis/lucid-symbol'
import { symbolOccurrences } from '../analysis/symbol-occurrences'
import { guard } from './boundary'
import type { Feature } from './context'
import { nodeRange, offsetAt, sourceAt } from './source-at'
import { pathToUri } from './uri'

export const referencesFeature: Feature = {
  capabilities() {
    return { referencesProvider: true }
  },
  register(context) {
    const { connection } = context
    connection.onReferences(
      guard(
        connection,
        'references',
        (params): Location[] | null => {
          const source = sourceAt(context, params.textDocument.uri)
          if (!source) return null
          const at = symbolAt(source.index, source.file, offsetAt(source.file, params.position))
          if (!at?.found || at.context === 'column' || at.context === 'related-model') return null
          const all = symbolOccurrences(source.index, source.project.sourceFiles(), at.symbol)
          // A property no key string names is TypeScript's business only.
          if (!all.some((o) => !o.isDeclaration) && at.symbol.kind === 'property') return null
          const wanted = all.filter((o) => params.context.includeDeclaration || !o.isDeclaration)
          return wanted
            .map((o) => {
              const file = o.node.getSourceFile()
              const range = nodeRange(file, o.node, { insideQuotes: o.inString })
              return { uri: pathToUri(file.fileName), range, start: o.node.getStart(file) }
            })
            .sort((a, b) => a.uri.localeCompare(b.uri) || a.start - b.start)
            .map(({ uri, range }) => ({ uri, range }))
        },
        () => null,
      ),
    )
  },
}
