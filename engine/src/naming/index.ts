// Lucid's naming strategies, re-implemented per generation (reference: lucid-hasmany.md section 1).
import type { LucidGeneration, RelationKind } from '../model-graph'

export interface NamingStrategy {
  readonly kind: 'snake' | 'camel'
  readonly generation: LucidGeneration
  tableName(className: string): string
  columnName(attribute: string): string
  serializedName(attribute: string): string
  relationLocalKey(kind: RelationKind, parent: KeyOwner, related: KeyOwner): string
  relationForeignKey(kind: RelationKind, parent: KeyOwner, related: KeyOwner): string
  relationPivotTable(kind: 'manyToMany', model: KeyOwner, related: KeyOwner): string
  relationPivotForeignKey(model: KeyOwner): string
}

/** What the key methods read from a model: its class name and primary-key attribute. */
export interface KeyOwner {
  name: string
  primaryKey: string
}

export { camelCase, snakeCase } from './case'
export { pluralize } from './pluralize'
export { defaultStrategyKind, LucidNamingStrategy, namingStrategy } from './strategies'
export type { StrategyKind } from './strategies'
