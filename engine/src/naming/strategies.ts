// Lucid's SnakeCaseNamingStrategy and CamelCaseNamingStrategy (lucid-hasmany.md section 1). The two differ
// only in `serializedName`; the generation decides which case and plural helpers run underneath.
import type { LucidGeneration, RelationKind } from '../model-graph'
import { camelCase, snakeCase } from './case'
import type { KeyOwner, NamingStrategy } from './index'
import { pluralize } from './pluralize'

export type StrategyKind = 'snake' | 'camel'

/** Lucid 18 defaults to SnakeCaseNamingStrategy; CamelCase became the default in Lucid 20. */
export function defaultStrategyKind(generation: LucidGeneration): StrategyKind {
  return generation === 'v5' ? 'snake' : 'camel'
}

export class LucidNamingStrategy implements NamingStrategy {
  constructor(
    readonly kind: StrategyKind,
    readonly generation: LucidGeneration,
  ) {}

  tableName(className: string): string {
    return pluralize(snakeCase(className, this.generation), this.generation)
  }

  columnName(attribute: string): string {
    return snakeCase(attribute, this.generation)
  }

  serializedName(attribute: string): string {
    return this.kind === 'snake'
      ? snakeCase(attribute, this.generation)
      : camelCase(attribute, this.generation)
  }

  relationLocalKey(kind: RelationKind, parent: KeyOwner, related: KeyOwner): string {
    return kind === 'belongsTo' ? related.primaryKey : parent.primaryKey
  }

  /** An attribute name (on the related model, or on the parent for belongsTo), built from a class name. */
  relationForeignKey(kind: RelationKind, parent: KeyOwner, related: KeyOwner): string {
    const owner = kind === 'belongsTo' ? related : parent
    return camelCase(`${owner.name}_${owner.primaryKey}`, this.generation)
  }

  /** Lucid sorts the two class names with the default (UTF-16) sort: `Skill` + `User` → `skill_user`. */
  relationPivotTable(_kind: 'manyToMany', model: KeyOwner, related: KeyOwner): string {
    return snakeCase([related.name, model.name].sort().join('_'), this.generation)
  }

  relationPivotForeignKey(model: KeyOwner): string {
    return snakeCase(`${model.name}_${model.primaryKey}`, this.generation)
  }
}

export function namingStrategy(kind: StrategyKind, generation: LucidGeneration): LucidNamingStrategy {
  return new LucidNamingStrategy(kind, generation)
}
