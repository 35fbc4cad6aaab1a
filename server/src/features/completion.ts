// Completion inside Lucid strings: relation keys, relation names and query columns. Every item
// replaces the whole string content. Outside these strings the answer is null, and cheaply so:
// TypeScript's own completion runs beside us on every keystroke.
import type * as TS from 'typescript'
import type { CompletionItem, CompletionParams, Range } from 'vscode-languageserver'
import { locate } from '../analysis'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { keyItems } from './key-completion'
import { offsetAt, rangeIn, sourceAt } from './source-at'
import { columnItems, relationItems } from './usage-completion'

export const completionFeature: Feature = {
  capabilities() {
    return { completionProvider: { triggerCharacters: ["'", '"', '`'] } }
  },
  register(context) {
    context.connection.onCompletion(
      guard(
        context.connection,
        'completion',
        async (params: CompletionParams) => {
          await context.settingsReady
          return completionAt(context, params)
        },
        () => null,
      ),
    )
  },
}

export function completionAt(context: ServerContext, params: CompletionParams): CompletionItem[] | null {
  const { textDocument, position } = params
  // No quote before the cursor on its line: not inside a string, no program update needed.
  const doc = context.documents.get(textDocument.uri)
  const linePrefix = doc?.getText({ start: { line: position.line, character: 0 }, end: position })
  if (linePrefix !== undefined && !/['"`]/.test(linePrefix)) return null
  const source = sourceAt(context, textDocument.uri)
  if (!source) return null
  const { index, file } = source
  const offset = offsetAt(file, position)
  const target = locate(index, file, offset)
  if (!target || target.kind === 'relation' || target.kind === 'model') return null
  const range = contentRange(file, target.literal, offset)
  if (!range) return null
  switch (target.kind) {
    case 'key':
      return target.owner ? keyItems({ ...target, index, owner: target.owner }, range) : null
    case 'relation-name':
      return target.ref ? relationItems(index, target.ref.model, range) : null
    case 'column':
      return target.ref ? columnItems(target.ref.model, target.call.method, range) : null
  }
}

/** The literal's content between its quotes, when the offset lies inside it. */
function contentRange(file: TS.SourceFile, literal: TS.StringLiteralLike, offset: number): Range | undefined {
  const start = literal.getStart(file) + 1
  // While typing, the closing quote may be missing: the content then runs to the literal's end.
  const end = literal.isUnterminated ? literal.getEnd() : literal.getEnd() - 1
  return offset >= start && offset <= end ? rangeIn(file, start, end) : undefined
}
