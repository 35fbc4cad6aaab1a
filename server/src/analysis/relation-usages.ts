// Every relation-name string (`related('posts')`, `preload('posts')`, `withCount('posts')`...) that
// refers to one relation declaration, for references and rename. A usage on a subclass that
// inherits the relation counts, because the subclass's relation map holds the same fact.
import type * as TS from 'typescript'
import type { RelationFact } from './class-facts'
import { fileFacts, RELATION_NAME_METHODS } from './file-facts'
import { ModelInference } from './infer'
import type { ModelIndex } from './model-index'
import { isStringLike } from './syntax'

export function relationNameUsages(
  index: ModelIndex,
  files: readonly TS.SourceFile[],
  relation: RelationFact,
): TS.StringLiteralLike[] {
  const inference = new ModelInference(index)
  const out: TS.StringLiteralLike[] = []
  for (const file of files) {
    for (const call of fileFacts(index.ts, file).calls) {
      const literal = call.node.arguments[0]
      // The name test first: inferring a receiver is the expensive part.
      if (!RELATION_NAME_METHODS.has(call.method) || !isStringLike(index.ts, literal)) continue
      if (literal.text !== relation.name) continue
      const ref = inference.of(call.receiver)
      if (ref?.model.relations.get(relation.name)?.fact === relation) out.push(literal)
    }
  }
  return out
}
