// A class recognised as a Lucid model, with everything inherited from its bases and mixins merged.
import type * as TS from 'typescript'
import type { NamingStrategy } from '../../../engine/src/naming'
import type { ClassFacts, ColumnFact, PropertyFact, RelationFact } from './class-facts'
import type { StrategyGaps } from './global-naming'
import type { KeyOptions } from './key-options'

export interface ModelColumn {
  fact: ColumnFact
  /** The database column name; undefined when a custom naming strategy decides it. */
  columnName?: string
  declaredBy: ClassFacts
}

export interface ModelRelation {
  fact: RelationFact
  /** The model whose class body declares the relation (a base class for inherited ones). */
  declaredBy: ClassFacts
  /** The key options with constants read through the checker; unset when all are literals. */
  keyOptions?: KeyOptions
}

export interface LucidModel {
  facts: ClassFacts
  name: string
  file: TS.SourceFile
  base?: LucidModel
  /** False when a base class or a mixin of the app could not be read: its members are unknown. */
  complete: boolean
  /** Undefined when the app uses a custom naming strategy. */
  strategy?: NamingStrategy
  /** What an app class extending Lucid's strategy names itself: those defaults are unknown. */
  strategyGaps?: StrategyGaps
  /** Neither the class nor a base sets `static namingStrategy`: the one set on BaseModel at boot applies. */
  strategyFromBoot: boolean
  primaryKey: string
  table?: string
  columns: Map<string, ModelColumn>
  plainProperties: Map<string, PropertyFact>
  relations: Map<string, ModelRelation>
}
