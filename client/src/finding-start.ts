// Where a plan's "Show User.posts" opens the model: at the relation's finding the plan names (LL405,
// whose quick fix adds the index), when the server reports it there. Pure.
import type { ModelSummary, ProblemStart } from '../../server/src/protocol'

/** The start of the finding `code` on the declaration of `model.relation`; undefined when it has none. */
export function findingStart(model: ModelSummary, relation: string, code: string): ProblemStart | undefined {
  return model.relations.find((r) => r.name === relation)?.problemStarts?.find((p) => p.code === code)
}
