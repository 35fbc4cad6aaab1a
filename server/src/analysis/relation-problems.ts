// Which findings sit on each relation's declaration (its decorator through its property), by code:
// the relationship graph of the CLI and of the editor draws those relations red.
import type { Finding } from './finding'
import type { LucidModel } from './lucid-model'

/** `Model.relation` → the codes of the findings on its declaration (relations without any are absent). */
export function relationProblems(
  models: readonly LucidModel[],
  findingsOf: (fileName: string) => readonly Finding[],
): Map<string, string[]> {
  const codes = new Map<string, string[]>()
  for (const [key, findings] of relationFindings(models, findingsOf))
    codes.set(
      key,
      findings.map((f) => f.code),
    )
  return codes
}

/** `Model.relation` → the findings on its declaration (relations without any are absent). */
export function relationFindings(
  models: readonly LucidModel[],
  findingsOf: (fileName: string) => readonly Finding[],
): Map<string, Finding[]> {
  const problems = new Map<string, Finding[]>()
  for (const model of models) {
    const findings = findingsOf(model.file.fileName)
    for (const fact of model.facts.relations) {
      const member = fact.nameNode.parent
      const start = Math.min(fact.decorator.getStart(), member.getStart())
      const on = findings.filter((f) => f.start >= start && f.end <= member.getEnd())
      if (on.length) problems.set(`${model.name}.${fact.name}`, on)
    }
  }
  return problems
}
