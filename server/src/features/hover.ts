// Hovers that explain a relation at a glance (kind, related model, keys and how Lucid derived them,
// the SQL it runs, any finding) on its property, its decorator, a key string or a relation-name
// string in a usage; and a model summary on a model class name.
import type * as TS from 'typescript'
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver'
import type { DatabaseSchema } from '../../../engine/src/schema'
import { locate, type CursorTarget, type LucidModel } from '../analysis'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { generationNote } from './generation-note'
import { modelCard } from './model-card'
import { relationCard } from './relation-card'
import { nodeRange, offsetAt, sourceAt, type SourceAt } from './source-at'

export const hoverFeature: Feature = {
  capabilities() {
    return { hoverProvider: true }
  },
  register(context) {
    context.connection.onHover(
      guard(
        context.connection,
        'hover',
        async (params): Promise<Hover | null> => {
          await context.settingsReady
          return hoverAt(context, params.textDocument.uri, params.position)
        },
        () => null,
      ),
    )
  },
}

export function hoverAt(context: ServerContext, uri: string, position: Position): Hover | null {
  const source = sourceAt(context, uri)
  if (!source) return null
  const offset = offsetAt(source.file, position)
  const target = locate(source.index, source.file, offset)
  if (!target) return null
  const card = cardFor(source, target, offset)
  if (!card) return null
  const value = [...card.blocks, generationNote(context, source.project)].join('\n\n')
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(source.file, card.node) }
}

function cardFor(
  { index, project }: SourceAt,
  target: CursorTarget,
  offset: number,
): { blocks: string[]; node: TS.Node } | undefined {
  const findingsOf = (fileName: string) => project.findings(fileName)
  switch (target.kind) {
    case 'relation': {
      const { parent, relation } = target
      return {
        blocks: relationCard({ index, parent, relation, findingsOf, ...schemaInput(project, parent) }),
        node: target.node,
      }
    }
    case 'model':
      return { blocks: modelCard(index, target.model), node: target.node }
    case 'key': {
      // locate also answers just after the closing quote; a hover there is on the next character.
      if (offset >= target.literal.getEnd()) return undefined
      const input = {
        index,
        parent: target.parent,
        relation: target.relation,
        emphasis: target.role,
        findingsOf,
        ...schemaInput(project, target.parent),
      }
      return { blocks: relationCard(input), node: target.literal }
    }
    case 'relation-name': {
      if (offset >= target.literal.getEnd() || !target.ref) return undefined
      // An unknown name gets no card: its diagnostic (LL201) already says what is wrong.
      const relation = target.ref.model.relations.get(target.literal.text)
      if (!relation) return undefined
      const parent = target.ref.model
      return {
        blocks: relationCard({ index, parent, relation, findingsOf, ...schemaInput(project, parent) }),
        node: target.literal,
      }
    }
    case 'column':
      return undefined
  }
}

/** The schema of the model's connection for the card, and whether it covers only part of the database. */
function schemaInput(
  project: SourceAt['project'],
  model: LucidModel,
): { schema?: DatabaseSchema; schemaPartial: boolean } {
  const schema = project.schemaFor(model)
  return schema ? { schema, schemaPartial: project.schemaIsPartial(schema) } : { schemaPartial: false }
}
