// How a model file writes its columns (`declare x: T`, `public x: T`, `x!: T`) and where a new
// column goes, so an added column matches its neighbours.
import type * as TS from 'typescript'
import type { LucidModel, ModelIndex } from '../../analysis'
import { columnImport } from './column-import'
import { insertAt, type OffsetEdit } from './fix'
import { indentUnit, lineIndent, newlineOf } from './text-style'

interface MemberStyle {
  /** `declare `, `public ` or `public declare `: the modifiers before the name. */
  modifiers: string
  definite: boolean
  indent: string
}

function memberStyle(index: ModelIndex, model: LucidModel): MemberStyle {
  const ts = index.ts
  const { file } = model
  const own = model.facts.columns.map((c) => c.nameNode.parent).filter(ts.isPropertyDeclaration)
  const sample = own[own.length - 1] ?? model.facts.node.members.find(ts.isPropertyDeclaration)
  if (!sample) {
    const modifiers = index.generation === 'v5' ? 'public ' : 'declare '
    return {
      modifiers,
      definite: false,
      indent: lineIndent(file, model.facts.node.getStart(file)) + indentUnit(file),
    }
  }
  const modifiers = (ts.getModifiers(sample) ?? [])
    .filter((m) => m.kind !== ts.SyntaxKind.StaticKeyword)
    .map((m) => `${m.getText(file)} `)
    .join('')
  return {
    modifiers,
    definite: !!sample.exclamationToken,
    indent: lineIndent(file, sample.name.getStart(file)),
  }
}

/** Edits that declare `@column() <name>: <type>` after the model's last own column. */
export function addColumnEdits(
  index: ModelIndex,
  model: LucidModel,
  name: string,
  type: string,
): OffsetEdit[] {
  const ts = index.ts
  const { file } = model
  const style = memberStyle(index, model)
  const decorator = columnImport(index, file)
  const nl = newlineOf(file)
  const own = model.facts.columns.map((c) => c.nameNode.parent).filter(ts.isPropertyDeclaration)
  const last = own[own.length - 1]
  const member = `@${decorator.name}()${nl}${style.indent}${style.modifiers}${name}${style.definite ? '!' : ''}: ${type}`
  const anchor = last ?? model.facts.node.members[0]
  const edit = last
    ? insertAt(file, endOfLine(file, last.getEnd()), `${nl}${nl}${style.indent}${member}`)
    : anchor
      ? insertAt(file, anchor.getStart(file), `${member}${nl}${nl}${style.indent}`)
      : insertAt(file, openBrace(ts, model.facts.node) + 1, `${nl}${style.indent}${member}${nl}`)
  return [...decorator.edits, edit]
}

function openBrace(ts: typeof TS, node: TS.ClassLikeDeclaration): number {
  const file = node.getSourceFile()
  const brace = node.getChildren(file).find((c) => c.kind === ts.SyntaxKind.OpenBraceToken)
  return brace ? brace.getStart(file) : node.getEnd() - 1
}

/** The end of the line at `offset` when only a comment follows, so a trailing comment stays put. */
function endOfLine(file: TS.SourceFile, offset: number): number {
  const rest = /^[^\r\n]*/.exec(file.text.slice(offset))?.[0] ?? ''
  return /^\s*(\/\/.*)?$/.test(rest) ? offset + rest.length : offset
}
