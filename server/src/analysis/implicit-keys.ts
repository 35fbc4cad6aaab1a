// Where a property is used as a key without any string naming it: Lucid's default primary key
// `id`, a default foreign key, or a default key derived from a primary key. A rename edits strings
// only, so renaming such a property would silently break these relations: it must be refused.
import type { PropertyFact } from './class-facts'
import { keyOwner, propertyNamed } from './key-usages'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'

/** One sentence per use that a rename of `property` would break; empty when renaming is safe. */
export function implicitKeyUses(index: ModelIndex, property: PropertyFact): string[] {
  const out = new Set<string>()
  const label = (model: LucidModel) => `${model.name}.${property.name}`
  const isPrimary = (model: LucidModel) => propertyNamed(model, model.primaryKey) === property
  for (const model of index.allModels()) {
    if (isPrimary(model) && primaryKeyIsImplicit(model)) {
      out.add(
        `"${property.name}" is the primary key of ${model.name} by Lucid's default; after a rename Lucid ` +
          `would still look for "${property.name}". Mark the column with isPrimary: true first.`,
      )
    }
    // Lucid re-parents inherited relations to each subclass, so every model's relations count.
    for (const { fact } of model.relations.values()) {
      const related = index.relatedModel(fact)
      if (related.kind !== 'model') continue
      const relation = `${model.name}.${fact.name}`
      if (fact.kind === 'manyToMany' || fact.kind === 'hasManyThrough') {
        // Their pivot and through keys are derived from both primary keys.
        const source = [model, related.model].find(isPrimary)
        if (source) out.add(`The default keys of ${relation} are derived from ${label(source)}.`)
        continue
      }
      if (fact.foreignKey) continue
      const owner = keyOwner(index, model, fact, 'foreignKey')
      const source = fact.kind === 'belongsTo' ? related.model : model
      if (!model.strategy) {
        // A custom naming strategy may derive the default foreign key from anything.
        if (isPrimary(source) || (owner && propertyNamed(owner, property.name) === property))
          out.add(`${relation} uses a default foreignKey that the app's custom naming strategy chooses.`)
        continue
      }
      const parentKey = { name: model.name, primaryKey: model.primaryKey }
      const relatedKey = { name: related.model.name, primaryKey: related.model.primaryKey }
      const name = model.strategy.relationForeignKey(fact.kind, parentKey, relatedKey)
      const fix = `Set foreignKey: '${name}' on the relation first.`
      if (owner && propertyNamed(owner, name) === property)
        out.add(`${relation} uses "${name}" as its default foreignKey. ${fix}`)
      if (isPrimary(source))
        out.add(`The default foreignKey "${name}" of ${relation} is derived from ${label(source)}. ${fix}`)
    }
  }
  return [...out]
}

/** True when neither an isPrimary column nor a `static primaryKey` string decides the primary key. */
function primaryKeyIsImplicit(model: LucidModel): boolean {
  if (model.columns.get(model.primaryKey)?.fact.isPrimary) return false
  for (let m: LucidModel | undefined = model; m; m = m.base)
    if (m.facts.primaryKey !== undefined) return false
  return true
}
