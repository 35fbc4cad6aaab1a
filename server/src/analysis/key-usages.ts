// Every string that names a model property as a relation key (`foreignKey: 'authorId'`,
// `localKey: 'uuid'`) or as the primary key (`static primaryKey = 'uuid'`), for references and
// rename. A property is identified by its PropertyFact, so inherited columns match where declared.
import type * as TS from 'typescript'
import type { PropertyFact, RelationFact } from './class-facts'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { isStringLike, memberName, hasModifier } from './syntax'

export type KeyRole = 'foreignKey' | 'localKey'

export interface KeyUsage {
  literal: TS.StringLiteralLike
  role: KeyRole | 'primaryKey'
  /** The model whose class body holds the string. */
  model: LucidModel
  relation?: RelationFact
}

/**
 * The model a key option must be a property of. hasMany, hasOne and manyToMany keep the local key on
 * the parent and the foreign key on the related model; belongsTo swaps them. hasManyThrough's
 * foreignKey lives on the through model and manyToMany has no foreignKey: both give undefined.
 */
export function keyOwner(
  index: ModelIndex,
  parent: LucidModel,
  fact: RelationFact,
  role: KeyRole,
): LucidModel | undefined {
  if (role === 'foreignKey' && (fact.kind === 'hasManyThrough' || fact.kind === 'manyToMany'))
    return undefined
  const onParent = (role === 'localKey') !== (fact.kind === 'belongsTo')
  if (onParent) return parent
  const related = index.relatedModel(fact)
  return related.kind === 'model' ? related.model : undefined
}

/** The declaration a name resolves to on a model: a column, else a property without @column. */
export function propertyNamed(model: LucidModel, name: string): PropertyFact | undefined {
  return model.columns.get(name)?.fact ?? model.plainProperties.get(name)
}

/** Every key string and `static primaryKey` string of the app that resolves to `property`. */
export function keyUsages(index: ModelIndex, property: PropertyFact): KeyUsage[] {
  const out: KeyUsage[] = []
  for (const model of index.allModels()) {
    for (const fact of model.facts.relations) {
      for (const role of ['foreignKey', 'localKey'] as const) {
        const node = fact[role]?.node
        if (!isStringLike(index.ts, node) || node.text !== property.name) continue
        const owner = keyOwner(index, model, fact, role)
        if (owner && propertyNamed(owner, node.text) === property)
          out.push({ literal: node, role, model, relation: fact })
      }
    }
    const primary = primaryKeyLiteral(index.ts, model.facts.node)
    if (primary?.text === property.name && propertyNamed(model, primary.text) === property)
      out.push({ literal: primary, role: 'primaryKey', model })
  }
  return out
}

/** The string of `static primaryKey = 'uuid'` in a class body. */
export function primaryKeyLiteral(
  ts: typeof TS,
  node: TS.ClassLikeDeclaration,
): TS.StringLiteralLike | undefined {
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || !hasModifier(ts, member, ts.SyntaxKind.StaticKeyword)) continue
    if (memberName(ts, member.name) === 'primaryKey' && isStringLike(ts, member.initializer))
      return member.initializer
  }
  return undefined
}
