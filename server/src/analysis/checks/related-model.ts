// LL107 and LL108: the model a relation decorator points at.
import type * as TS from 'typescript'
import { finding, locationOf, type Finding } from '../finding'
import type { LucidModel, ModelRelation } from '../lucid-model'
import type { ModelIndex, RelatedModel } from '../model-index'

export function checkRelatedModel(index: ModelIndex, parent: LucidModel, relation: ModelRelation): Finding[] {
  const { fact } = relation
  const related = index.relatedModel(fact)
  const label = `${parent.name}.${fact.name}`
  const target = fact.relatedExpr ?? fact.relatedArg ?? fact.decoratorNameNode
  if (related.kind === 'not-a-model' || related.kind === 'undeclared') {
    return [finding('relatedNotAModel', target, notAModelMessage(label, target, related))]
  }
  if (related.kind !== 'model' || !fact.typeModel) return []
  const declared = index.modelOfExpression(fact.typeModel)
  if (!declared || declared === related.model) return []
  return [
    finding(
      'relatedModelMismatch',
      target,
      `"${label}" relates "${related.model.name}" in its decorator, but the property is typed with ` +
        `"typeof ${declared.name}". Lucid loads ${related.model.name} rows while TypeScript promises ${declared.name}.`,
      { related: [locationOf(fact.typeModel, `declared as typeof ${declared.name}`)] },
    ),
  ]
}

function notAModelMessage(label: string, target: TS.Node, related: RelatedModel): string {
  const text = target.getText()
  if (related.kind === 'undeclared') {
    return `"${label}": the related model "${text}" is not declared or imported in this file.`
  }
  return (
    `"${label}": the related model callback returns "${text}", which is not a Lucid model ` +
    `(it does not extend BaseModel). Lucid fails when it boots the relation.`
  )
}
