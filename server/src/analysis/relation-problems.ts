// Which findings sit on each relation's declaration (its decorator through its property), by code:
// the relationship graph of the CLI and of the editor draws those relations red.
import type { RelationFact } from './class-facts'
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
      const on = findingsOnRelation(findings, fact)
      if (on.length) problems.set(`${model.name}.${fact.name}`, on)
    }
  }
  return problems
}

/** The findings reported on a relation's declaration (its decorator through its property). */
export function findingsOnRelation(findings: readonly Finding[], fact: RelationFact): Finding[] {
  const file = fact.decorator.getSourceFile()
  const member = fact.nameNode.parent
  const start = Math.min(fact.decorator.getStart(file), member.getStart(file))
  const end = member.getEnd()
  return findings.filter((f) => f.fileName === file.fileName && f.start >= start && f.end <= end)
}
