// Inlay hints (opt-in, `lucidLens.inlayHints.enable`): inside a hasMany/hasOne decorator that relies
// on default keys, the keys Lucid derives, e.g. `@hasMany(() => Post▸ foreignKey: userId, localKey: id)`.
import {
  MarkupKind,
  type InlayHint,
  type InlayHintLabelPart,
  type InlayHintParams,
} from 'vscode-languageserver'
import type { ResolvedKey } from '../analysis'
import { decoratorArgs } from '../analysis/syntax'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { relationsIn, type RelationSite } from './relation-site'
import { nodeRange, offsetAt, sourceAt } from './source-at'
import { pathToUri } from './uri'

export const inlayHintsFeature: Feature = {
  capabilities() {
    return { inlayHintProvider: { resolveProvider: false } }
  },
  register(context) {
    const { connection } = context
    connection.languages.inlayHint.on(
      guard(
        connection,
        'inlay hints',
        (params) => inlayHints(context, params),
        () => [],
      ),
    )
    // Another file (a base class's primary key) or the setting can change the hints of open files.
    const canRefresh = context.clientCapabilities.workspace?.inlayHint?.refreshSupport === true
    context.onInvalidate((reason) => {
      if (reason.kind !== 'document' && canRefresh)
        connection.languages.inlayHint.refresh().catch(() => undefined)
    })
  },
}

async function inlayHints(context: ServerContext, params: InlayHintParams): Promise<InlayHint[]> {
  await context.settingsReady
  if (!context.settings().inlayHints.enable) return []
  const source = sourceAt(context, params.textDocument.uri)
  if (!source) return []
  const { index, file } = source
  const start = offsetAt(file, params.range.start)
  const end = offsetAt(file, params.range.end)
  const hints: InlayHint[] = []
  for (const site of relationsIn(index, file, start, end)) {
    const args = decoratorArgs(index.ts, site.relation.fact.decorator)
    const at = args[args.length - 1]?.getEnd()
    const label = at !== undefined && at >= start && at <= end ? labelOf(site) : []
    if (at === undefined || label.length === 0) continue
    hints.push({ position: file.getLineAndCharacterOfPosition(at), label, paddingLeft: true })
  }
  return hints
}

/** `foreignKey: userId, localKey: id` for the keys left to their defaults. */
function labelOf(site: RelationSite): InlayHintLabelPart[] {
  const { fact } = site.relation
  if (!site.keys) return []
  const defaults: ['foreignKey' | 'localKey', ResolvedKey][] = []
  if (!fact.foreignKey) defaults.push(['foreignKey', site.keys.foreignKey])
  if (!fact.localKey) defaults.push(['localKey', site.keys.localKey])
  const parts: InlayHintLabelPart[] = []
  for (const [role, key] of defaults) {
    if (parts.length > 0) parts.push({ value: ', ' })
    parts.push({ value: `${role}: ` }, namePart(site, role, key))
  }
  return parts
}

function namePart(site: RelationSite, role: 'foreignKey' | 'localKey', key: ResolvedKey): InlayHintLabelPart {
  const label = `${site.parent.name}.${site.relation.fact.name}`
  const where = key.column
    ? `the property ${key.owner.name}.${key.name}${key.column.columnName ? ` (column \`${key.column.columnName}\`)` : ''}`
    : `but ${key.owner.name} has no such column property`
  const part: InlayHintLabelPart = {
    value: key.name,
    tooltip: {
      kind: MarkupKind.Markdown,
      value:
        `Lucid's default \`${role}\` for \`${label}\`: ${key.derivation ?? 'explicit'} = \`${key.name}\`, ${where}.\n\n` +
        `Set \`${role}\` in the decorator options to use another key.`,
    },
  }
  const nameNode = key.column?.fact.nameNode
  if (nameNode) {
    const target = nameNode.getSourceFile()
    part.location = { uri: pathToUri(target.fileName), range: nodeRange(target, nameNode) }
  }
  return part
}
