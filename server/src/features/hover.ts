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
import { relationShape } from '../analysis/relation-shape'
import { appDialect } from '../preview/sql-only'
import { relationCard, type RelationCardInput } from './relation-card'
import { relationSql } from './relation-sql'
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

export async function hoverAt(
  context: ServerContext,
  uri: string,
  position: Position,
): Promise<Hover | null> {
  const source = sourceAt(context, uri)
  if (!source) return null
  const offset = offsetAt(source.file, position)
  const target = locate(source.index, source.file, offset)
  if (!target) return null
  const card = cardFor(source, target, offset)
  if (!card) return null
  const blocks = 'blocks' in card ? card.blocks : relationCard(await withSql(context, source, card.input))
  const value = [...blocks, generationNote(context, source.project)].join('\n\n')
  return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(source.file, card.node) }
}

/** The relation's SQL as a preview compiles it, in the dialect of the app's database. */
async function withSql(
  context: ServerContext,
  { project, index }: SourceAt,
  input: RelationCardInput,
): Promise<RelationCardInput> {
  const shape = relationShape(index, input.parent, input.relation)
  if (!shape) return input
  const dialect = appDialect(project.rootDir, context.settings().database.connection)
  const sql = await relationSql(index, input.parent, input.relation, shape, dialect)
  return sql ? { ...input, sql, dialect: dialect.name } : input
}

type Card = { blocks: string[]; node: TS.Node } | { input: RelationCardInput; node: TS.Node }

function cardFor({ index, project }: SourceAt, target: CursorTarget, offset: number): Card | undefined {
  const findingsOf = (fileName: string) => project.findings(fileName)
  switch (target.kind) {
    case 'relation': {
      const { parent, relation } = target
      return {
        input: { index, parent, relation, findingsOf, ...schemaInput(project, parent) },
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
      return { input, node: target.literal }
    }
    case 'relation-name': {
      if (offset >= target.literal.getEnd() || !target.ref) return undefined
      // An unknown name gets no card: its diagnostic (LL201) already says what is wrong.
      const relation = target.ref.model.relations.get(target.literal.text)
      if (!relation) return undefined
      const parent = target.ref.model
      return {
        input: {
          index,
          parent,
          relation,
          findingsOf,
          ...schemaInput(project, parent),
        },
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
