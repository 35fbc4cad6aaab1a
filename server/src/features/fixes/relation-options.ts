// Text edits on a relation decorator's options object (`{ foreignKey, localKey, ... }`) that keep
// its layout: one property per line stays one per line, an inline object stays inline.
import type * as TS from 'typescript'
import type { RelationFact } from '../../analysis/class-facts'
import { decoratorArgs, type TsModule } from '../../analysis/syntax'
import { insertAt, type OffsetEdit } from './fix'
import { lineIndent, lineStartOf, newlineOf, quoteOf, startsLine } from './text-style'

/** Adds `name: 'value'` entries, creating the options object when absent; undefined if unsafe. */
export function addOptionEdits(
  ts: TsModule,
  fact: RelationFact,
  entries: [string, string][],
): OffsetEdit[] | undefined {
  const file = fact.decorator.getSourceFile()
  const q = quoteOf(file)
  const texts = entries.map(([name, value]) => `${name}: ${q}${value}${q}`)
  const [modelArg, options, ...rest] = decoratorArgs(ts, fact.decorator)
  if (!modelArg || rest.length > 0 || texts.length === 0) return undefined
  if (!options) return [insertAt(file, modelArg.getEnd(), `, { ${texts.join(', ')} }`)]
  if (!ts.isObjectLiteralExpression(options)) return undefined
  const first = options.properties[0]
  if (!first)
    return [
      { file, start: options.getStart(file), end: options.getEnd(), newText: `{ ${texts.join(', ')} }` },
    ]
  const start = first.getStart(file)
  if (!startsLine(file, start)) return [insertAt(file, start, texts.map((t) => `${t}, `).join(''))]
  const indent = lineIndent(file, start)
  const nl = newlineOf(file)
  return [insertAt(file, start, texts.map((t) => `${t},${nl}${indent}`).join(''))]
}

/** Removes the given properties of the options object (the whole object when none would remain). */
export function removeOptionEdits(ts: TsModule, fact: RelationFact, remove: Set<TS.Node>): OffsetEdit[] {
  const file = fact.decorator.getSourceFile()
  const [modelArg, options] = decoratorArgs(ts, fact.decorator)
  if (!modelArg || !options || !ts.isObjectLiteralExpression(options) || remove.size === 0) return []
  const props = [...options.properties]
  if (props.every((p) => remove.has(p)))
    return [{ file, start: modelArg.getEnd(), end: options.getEnd(), newText: '' }]
  const ownLines = props.every((p) => ownLineEnd(file, p) !== undefined)
  if (ownLines) {
    return props
      .filter((p) => remove.has(p))
      .map((p) => ({
        file,
        start: lineStartOf(file, p.getStart(file)),
        end: ownLineEnd(file, p) ?? p.getEnd(),
        newText: '',
      }))
  }
  // Inline: each run of removed properties goes with the separator that follows it, or for a run
  // at the end, with the separator before it, so no edits overlap and no comma is left dangling.
  const edits: OffsetEdit[] = []
  for (let i = 0; i < props.length;) {
    if (!remove.has(props[i] as TS.Node)) {
      i++
      continue
    }
    let j = i
    while (j + 1 < props.length && remove.has(props[j + 1] as TS.Node)) j++
    const runStart = (props[i] as TS.Node).getStart(file)
    const next = props[j + 1]
    const previous = props[i - 1]
    if (next) edits.push({ file, start: runStart, end: next.getStart(file), newText: '' })
    else if (previous)
      edits.push({ file, start: previous.getEnd(), end: (props[j] as TS.Node).getEnd(), newText: '' })
    i = j + 1
  }
  return edits
}

/** The offset after a property's line break when it sits alone on its lines (comma and comment allowed). */
function ownLineEnd(file: TS.SourceFile, prop: TS.Node): number | undefined {
  if (!startsLine(file, prop.getStart(file))) return undefined
  const rest = /^[ \t]*,?[ \t]*(\/\/[^\r\n]*)?(\r?\n|$)/.exec(file.text.slice(prop.getEnd()))
  return rest ? prop.getEnd() + rest[0].length : undefined
}
