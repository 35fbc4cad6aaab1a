// LL106: the key is a plain property of its model; Lucid only sees it with a @column decorator.
import { isExternalFile } from '../../analysis/resolve'
import { columnImport } from './column-import'
import { insertAt, type Fix, type FixInput } from './fix'
import { relationAt } from '../relation-site'
import { lineIndent, newlineOf } from './text-style'

export function columnDecoratorFixes({ index, file, finding }: FixInput): Fix[] {
  const site = relationAt(index, file, finding.start)
  const declared = finding.related?.[0]
  if (!site?.resolved || !declared) return []
  // The finding points at the property it means; several keys can be plain properties at once.
  const key = site.resolved.keys.find((k) => {
    const plain = k.column ? undefined : k.owner.plainProperties.get(k.name)
    return (
      plain?.nameNode.getSourceFile().fileName === declared.fileName &&
      plain.nameNode.getStart() === declared.start
    )
  })
  const plain = key && key.owner.plainProperties.get(key.name)
  const member = plain?.nameNode.parent
  if (!key || !plain || !member || !index.ts.isPropertyDeclaration(member)) return []
  const target = member.getSourceFile()
  if (isExternalFile(target)) return []
  const decorator = columnImport(index, target)
  const start = member.getStart(target)
  const text = `@${decorator.name}()${newlineOf(target)}${lineIndent(target, start)}`
  return [
    {
      title: `Add @column() to ${key.owner.name}.${key.name}`,
      preferred: true,
      edits: [...decorator.edits, insertAt(target, start, text)],
    },
  ]
}
