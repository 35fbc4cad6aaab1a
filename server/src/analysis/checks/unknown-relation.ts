// LL201: relation names in related()/preload()/withCount()/whereHas()... that the model lacks.
import { finding, type Finding } from '../finding'
import type { CallFact } from '../file-facts'
import type { ModelInference } from '../infer'
import { closest } from '../suggest'
import { isStringLike, type TsModule } from '../syntax'

export function checkUnknownRelation(ts: TsModule, inference: ModelInference, call: CallFact): Finding[] {
  const nameNode = call.node.arguments[0]
  if (!isStringLike(ts, nameNode)) return []
  const ref = inference.of(call.receiver)
  if (!ref || !ref.model.complete) return []
  // related() applies to instances; the others to queries, instances (load*) or arrays of them.
  if (call.method === 'related' && ref.kind !== 'instance') return []
  const name = nameNode.text
  if (ref.model.relations.has(name)) return []
  const suggestion = closest(name, ref.model.relations.keys())
  const known = [...ref.model.relations.keys()]
  const hint = suggestion
    ? ` Did you mean "${suggestion}"?`
    : known.length > 0
      ? ` Known relations: ${known.map((n) => `"${n}"`).join(', ')}.`
      : ` ${ref.model.name} defines no relations.`
  return [
    finding(
      'unknownRelation',
      nameNode,
      `"${name}" is not defined as a relationship on "${ref.model.name}" model.${hint}`,
      suggestion ? { suggestion } : {},
    ),
  ]
}
