// What a cursor position names, for definition, references and rename: a model property (through a
// key string, a column string or its declaration), a relation (through a relation-name string or
// its declaration) or the model a relation callback returns. Plain TypeScript identifiers
// elsewhere are left to TypeScript: they give undefined.
import type * as TS from 'typescript'
import type { PropertyFact, RelationFact } from './class-facts'
import { fileFacts } from './file-facts'
import { propertyNamed } from './key-usages'
import { locate, type CursorTarget } from './locate'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'

/** Where the cursor is: which syntax led to the symbol. */
export type SymbolContext = 'key' | 'relation-name' | 'column' | 'declaration' | 'related-model'

export type LucidSymbol =
  /** `model` is the model the property was looked up on (the key's owner, the declaring class). */
  | { kind: 'property'; property: PropertyFact; model: LucidModel }
  | { kind: 'relation'; relation: RelationFact; model: LucidModel }
  | { kind: 'model'; model: LucidModel }

export type SymbolAt =
  | { found: true; symbol: LucidSymbol; origin: TS.Node; context: SymbolContext }
  /** A Lucid string that names nothing known: the reason says why, for a rename refusal. */
  | { found: false; origin: TS.StringLiteralLike; context: SymbolContext; reason: string }

export function symbolAt(index: ModelIndex, file: TS.SourceFile, offset: number): SymbolAt | undefined {
  const target = locate(index, file, offset)
  if (!target) return declarationAt(index, file, offset)
  switch (target.kind) {
    case 'key':
    case 'relation-name':
    case 'column':
      // locate also accepts the offset just after the closing quote; a symbol needs the string itself.
      if (offset < target.literal.getStart() || offset >= target.literal.getEnd()) return undefined
      return stringSymbol(index, target)
    case 'relation':
      if (target.node !== target.relation.fact.nameNode) return undefined // the decorator is TypeScript's
      return {
        found: true,
        symbol: { kind: 'relation', relation: target.relation.fact, model: target.parent },
        origin: target.node,
        context: 'declaration',
      }
    case 'model':
      return undefined
  }
}

type StringTarget = Extract<CursorTarget, { kind: 'key' | 'relation-name' | 'column' }>

function stringSymbol(index: ModelIndex, target: StringTarget): SymbolAt {
  const { literal } = target
  const name = literal.text
  const unresolved = (reason: string): SymbolAt => ({
    found: false,
    origin: literal,
    context: target.kind,
    reason,
  })
  const found = (symbol: LucidSymbol): SymbolAt => ({
    found: true,
    symbol,
    origin: literal,
    context: target.kind,
  })
  if (target.kind === 'key') {
    const label = `${target.parent.name}.${target.relation.fact.name}`
    const owner = target.owner
    const { kind } = target.relation.fact
    if (!owner && target.role === 'foreignKey' && (kind === 'hasManyThrough' || kind === 'manyToMany'))
      return unresolved(`the foreignKey of a ${kind} relation (${label}) is not followed`)
    if (!owner) return unresolved(`the related model of ${label} is not known`)
    const property = propertyNamed(owner, name)
    return property
      ? found({ kind: 'property', property, model: owner })
      : unresolved(`"${name}" is not a property of ${owner.name}${incomplete(owner)}`)
  }
  const model = target.ref?.model
  if (!model) return unresolved(`the model that ${target.call.method}("${name}") applies to is not known`)
  if (target.kind === 'relation-name') {
    const relation = model.relations.get(name)
    return relation
      ? found({ kind: 'relation', relation: relation.fact, model })
      : unresolved(`"${name}" is not a relation of ${model.name}${incomplete(model)}`)
  }
  // A column string may be the attribute name or the database column name.
  const property =
    propertyNamed(model, name) ?? [...model.columns.values()].find((c) => c.columnName === name)?.fact
  return property
    ? found({ kind: 'property', property, model })
    : unresolved(`"${name}" is not a column of ${model.name}${incomplete(model)}`)
}

function incomplete(model: LucidModel): string {
  return model.complete ? '' : ` (a base class or mixin of ${model.name} could not be read)`
}

/** A property name in a model's class body, or the model a relation callback returns. */
function declarationAt(index: ModelIndex, file: TS.SourceFile, offset: number): SymbolAt | undefined {
  const spans = (node: TS.Node | undefined): node is TS.Node =>
    !!node && node.getStart(file) <= offset && offset <= node.getEnd()
  for (const cls of fileFacts(index.ts, file).classes) {
    if (!spans(cls.node)) continue
    const model = index.modelOf(cls.node)
    if (!model) continue
    for (const property of [...cls.columns, ...cls.plainProperties.values()]) {
      if (spans(property.nameNode))
        return {
          found: true,
          symbol: { kind: 'property', property, model },
          origin: property.nameNode,
          context: 'declaration',
        }
    }
    for (const relation of cls.relations) {
      if (!spans(relation.relatedExpr)) continue
      const related = index.relatedModel(relation)
      if (related.kind !== 'model') return undefined
      return {
        found: true,
        symbol: { kind: 'model', model: related.model },
        origin: relation.relatedExpr,
        context: 'related-model',
      }
    }
  }
  return undefined
}
