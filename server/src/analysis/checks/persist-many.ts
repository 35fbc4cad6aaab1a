// LL305: fetchOrCreateMany/updateOrCreateMany on a relation without a predicate match every payload
// row to the parent's first existing child (reference section 6, gotcha G5).
import { finding, type Finding } from '../finding'
import type { CallFact } from '../file-facts'
import type { ModelInference } from '../infer'

export function checkPersistMany(inference: ModelInference, call: CallFact): Finding[] {
  if (call.method !== 'fetchOrCreateMany' && call.method !== 'updateOrCreateMany') return []
  if (call.node.arguments.length !== 1) return []
  const ref = inference.of(call.receiver)
  if (ref?.kind !== 'relation') return []
  return [
    finding(
      'persistManyWithoutPredicate',
      call.methodNode,
      `${call.method} without a predicate only compares the foreign key: every payload row matches the ` +
        `parent's first existing ${ref.model.name}, so nothing new is created once one exists. Pass the ` +
        `unique property as the second argument, e.g. ${call.method}(payload, 'slug').`,
    ),
  ]
}
