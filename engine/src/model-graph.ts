// Plain data describing the Lucid models of one app. The analysis produces it from source, the engine
// consumes it to build queries. It holds no compiler objects and no positions, only names.
import type { Call } from './plan'

/** The Lucid generation whose runtime rules apply: v5 = Lucid 18, v6 = Lucid 20/21, v7 = Lucid 22. */
export type LucidGeneration = 'v5' | 'v6' | 'v7'

export const LATEST_GENERATION: LucidGeneration = 'v7'

export type RelationKind = 'hasMany' | 'hasOne' | 'belongsTo' | 'manyToMany' | 'hasManyThrough'

/** The relation kinds previews run (hasManyThrough is refused with a clear message). */
export type PreviewKind = 'hasMany' | 'hasOne' | 'belongsTo' | 'manyToMany'

export function isPreviewKind(kind: RelationKind): kind is PreviewKind {
  return kind === 'hasMany' || kind === 'hasOne' || kind === 'belongsTo' || kind === 'manyToMany'
}

/** `custom` means a strategy class of the app that we cannot evaluate statically. */
export type NamingStrategyKind = 'snake' | 'camel' | 'custom'

export interface ColumnInfo {
  /** The model property name (what Lucid calls the attribute). */
  attribute: string
  /** The database column, after `columnName` or the naming strategy. */
  columnName: string
  isPrimary: boolean
  /** `null` means never serialized. */
  serializeAs: string | null
  /** `column`, `date` or `dateTime`: which decorator declared it. */
  decorator: 'column' | 'date' | 'dateTime'
  /** `autoCreate: true` / `autoUpdate: true` of a date column: set to now on insert / every update. */
  autoCreate?: boolean
  autoUpdate?: boolean
  /** The declared TypeScript type as written, if any (e.g. `number`, `string | null`). */
  typeText?: string
  /** The model class that declares the column (a base class or mixin for inherited ones). */
  declaredBy: string
}

export interface RelationInfo {
  name: string
  kind: RelationKind
  /** Class name of the related model, when it could be resolved. */
  relatedModel?: string
  /**
   * Resolved keys (attribute names) and their columns, when resolvable; named as in the decorator's
   * options, so for belongsTo `localKey` is on the related model and `foreignKey` on this one.
   */
  keys?: RelationKeys
  serializeAs: string | null
  hasOnQuery: boolean
  /** The `onQuery` body as data, when the analysis read it; absent for graphs built elsewhere. */
  onQuery?: OnQueryPlan
}

/** The builder flags an `onQuery` body may branch on (lucid-hasmany.md section 7). */
export type OnQueryFlag = 'isRelatedQuery' | 'isRelatedSubQuery' | 'isRelatedPreloadQuery'

/**
 * One statement of an `onQuery` body: a chain of calls on its query parameter, or an `if` on one
 * flag (`negated` for `!query.flag`). An early `return` becomes the `else` of its `if`.
 */
export type OnQueryStep =
  | { calls: Call[] }
  | { if: { flag: OnQueryFlag; negated: boolean }; then: OnQueryStep[]; else?: OnQueryStep[] }

/** A readable body, or why the analysis could not read it (with the source text). */
export type OnQueryPlan = { steps: OnQueryStep[] } | { unsupported: string }

export interface RelationKeys {
  localKey: string
  localKeyColumn?: string
  localKeyIsDefault: boolean
  foreignKey: string
  foreignKeyColumn?: string
  foreignKeyIsDefault: boolean
  /**
   * manyToMany only. There `localKey` is on this model, and `foreignKey` is the option Lucid calls
   * `relatedKey`: the related model's attribute the pivot's related foreign key points at.
   */
  pivot?: PivotKeys
}

/** A manyToMany relation's pivot table; its keys and extra columns are column names, unresolved. */
export interface PivotKeys {
  table: string
  tableIsDefault: boolean
  /** The pivot column holding this model's local key (`pivotForeignKey`). */
  foreignKey: string
  /** The pivot column holding the related model's key (`pivotRelatedForeignKey`). */
  relatedForeignKey: string
  /** `pivotColumns`, selected as `pivot_<column>` extras. */
  columns: string[]
  /** `pivotTimestamps` resolved to column names; absent ones are not kept. */
  timestamps: { createdAt?: string; updatedAt?: string }
}

export interface ModelInfo {
  /** The JS class name Lucid sees (`default` for an anonymous default export). */
  name: string
  table: string
  tableIsExplicit: boolean
  primaryKey: string
  namingStrategy: NamingStrategyKind
  columns: ColumnInfo[]
  relations: RelationInfo[]
  isAbstract: boolean
}

export interface ModelGraph {
  generation: LucidGeneration
  models: ModelInfo[]
}
