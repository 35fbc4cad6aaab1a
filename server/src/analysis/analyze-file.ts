// All findings of one source file. Definition checks run on the models declared in the file,
// usage checks on its calls; both read other files only through the model index.
import type * as TS from 'typescript'
import { checkGroupOrderBy } from './checks/group-order'
import { checkOnQueryPreload } from './checks/on-query-preload'
import { checkPersistMany } from './checks/persist-many'
import { checkRelatedModel } from './checks/related-model'
import { checkRelationKeys } from './checks/relation-keys'
import { checkUnknownRelation } from './checks/unknown-relation'
import { RELATION_NAME_METHODS, fileFacts } from './file-facts'
import type { Finding } from './finding'
import { ModelInference } from './infer'
import type { ModelIndex } from './model-index'
import { isExternalFile } from './resolve'

export function analyzeFile(index: ModelIndex, file: TS.SourceFile): Finding[] {
  if (isExternalFile(file)) return []
  const { ts } = index
  const facts = fileFacts(ts, file)
  const out: Finding[] = []
  for (const cls of facts.classes) {
    const model = index.modelOf(cls.node)
    if (!model) continue
    for (const fact of cls.relations) {
      const relation = { fact, declaredBy: cls }
      out.push(...checkRelatedModel(index, model, relation))
      out.push(...checkRelationKeys(index, model, relation))
      out.push(...checkOnQueryPreload(ts, fact))
    }
  }
  const inference = new ModelInference(index)
  for (const call of facts.calls) {
    if (RELATION_NAME_METHODS.has(call.method)) out.push(...checkUnknownRelation(ts, inference, call))
    out.push(...checkGroupOrderBy(ts, inference, call))
    out.push(...checkPersistMany(inference, call))
  }
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code))
}
