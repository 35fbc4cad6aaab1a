// The one key resolver for every relation kind: which model property each key option names (or which
// one Lucid derives by default) and the model it must be a column of, as each relation's boot() hands
// them to Lucid's KeysExtractor; plus manyToMany's pivot table and columns. Everything comes from the
// declaring model's naming strategy (`this.model.namingStrategy`), as in Lucid 18, 21 and 22.
import type * as TS from 'typescript'
import type { RelationKind } from '../../../engine/src/model-graph'
import type { KeyOption } from './class-facts'
import { writtenKeyOptions, type KeyOptions } from './key-options'
import type { LucidModel, ModelColumn, ModelRelation } from './lucid-model'
import type { ModelIndex } from './model-index'
import { pivotColumnNodes } from './pivot-options'

/** The options Lucid checks with `model.$getColumn(key)` (E_MISSING_MODEL_ATTRIBUTE when absent). */
export type KeyRole = 'localKey' | 'foreignKey' | 'relatedKey' | 'throughLocalKey' | 'throughForeignKey'

export interface ResolvedKey {
  role: KeyRole
  /** The attribute name Lucid will look up. */
  name: string
  /** Set when the key was given explicitly in the decorator options. */
  option?: KeyOption
  /** How a default was derived, in words, for messages and hovers. */
  derivation?: string
  /** The model the key must exist on. */
  owner: LucidModel
  column?: ModelColumn
}

/** hasMany, hasOne and belongsTo: the two keys, named as the decorator options name them. */
export interface RelationKeys {
  localKey: ResolvedKey
  foreignKey: ResolvedKey
}

/** Two keys whose values Lucid matches with `===` (the first is the one the second points at). */
export interface KeyPair {
  local: ResolvedKey
  foreign: ResolvedKey
}

/** A manyToMany pivot column option (a column name, not a property; no model owns it). */
export interface PivotKey {
  role: 'pivotForeignKey' | 'pivotRelatedForeignKey'
  name: string
  option?: KeyOption
  derivation?: string
  /** The model key whose value the pivot column holds (localKey, relatedKey), when it is known. */
  holds?: ResolvedKey
}

export interface ResolvedPivot {
  table: string
  tableOption?: KeyOption
  tableDerivation?: string
  keys: PivotKey[]
  /** `pivotColumns` entries, when every one is a string literal; undefined when built by code. */
  columns?: { name: string; node: TS.Expression }[]
}

export interface ResolvedRelation {
  kind: RelationKind
  /** `Model.relation`, as Lucid names it in its errors. */
  label: string
  related: LucidModel
  /** hasManyThrough's through model. */
  through?: LucidModel
  /**
   * Every key Lucid extracts, in its order, that can be named: a key whose default depends on a custom
   * naming strategy (or on the primary key of a model that cannot be read) is left out.
   */
  keys: ResolvedKey[]
  /** The key pairs Lucid compares with `===`, for type checks (both keys known). */
  pairs: KeyPair[]
  /** The key every preload filters on (`where <column> in (...)`): hasMany/hasOne/belongsTo only. */
  lookup?: ResolvedKey
  /** manyToMany's pivot table; undefined for other kinds, or when an option is dynamic. */
  pivot?: ResolvedPivot
}

/** The relation's keys as Lucid resolves them; undefined when its related (or through) model is unknown. */
export function resolveRelation(
  index: ModelIndex,
  model: LucidModel,
  relation: ModelRelation,
): ResolvedRelation | undefined {
  const related = index.relatedModel(relation.fact)
  if (related.kind !== 'model') return undefined
  if (relation.fact.kind !== 'hasManyThrough')
    return resolveRelationWith(index.ts, model, relation, related.model)
  const through = index.throughModel(relation.fact)
  return through.kind === 'model'
    ? resolveRelationWith(index.ts, model, relation, related.model, through.model)
    : undefined
}

/** hasMany/hasOne keys; undefined when a key is dynamic or its default cannot be known. */
export function resolveHasManyKeys(
  parent: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  return twoKeys(resolveRelationWith(undefined, parent, relation, related))
}

/** belongsTo keys: the local key on the related model, the foreign key on this one. */
export function resolveBelongsToKeys(
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  return twoKeys(resolveRelationWith(undefined, model, relation, related))
}

function twoKeys(resolved: ResolvedRelation | undefined): RelationKeys | undefined {
  const localKey = resolved?.keys.find((k) => k.role === 'localKey')
  const foreignKey = resolved?.keys.find((k) => k.role === 'foreignKey')
  return localKey && foreignKey ? { localKey, foreignKey } : undefined
}

type Ts = typeof TS | undefined

interface KeySpec {
  role: KeyRole
  option: KeyOption | undefined
  owner: LucidModel
  /** The default, from the declaring model's naming strategy; undefined when it cannot be known. */
  fallback: () => { name: string; derivation: string } | undefined
}

/** The same, with the related (and through) model already known; the pivot needs `ts`. */
export function resolveRelationWith(
  ts: Ts,
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
  through?: LucidModel,
): ResolvedRelation | undefined {
  const { fact } = relation
  const kind = fact.kind
  const specs = keySpecs(model, relation, related, through)
  if (!specs) return undefined
  const keys: ResolvedKey[] = []
  for (const spec of specs) {
    // A key built by code may name any property: nothing can be claimed about it.
    if (spec.option && spec.option.value === undefined) continue
    const chosen = spec.option?.value ?? spec.fallback()?.name
    if (chosen === undefined) continue
    const key: ResolvedKey = { role: spec.role, name: chosen, owner: spec.owner }
    if (spec.option) key.option = spec.option
    else key.derivation = spec.fallback()?.derivation
    const column = spec.owner.columns.get(chosen)
    if (column) key.column = column
    keys.push(key)
  }
  const byRole = (role: KeyRole) => keys.find((k) => k.role === role)
  const pair = (a: KeyRole, b: KeyRole): KeyPair[] => {
    const local = byRole(a)
    const foreign = byRole(b)
    return local && foreign ? [{ local, foreign }] : []
  }
  const out: ResolvedRelation = { kind, label: `${model.name}.${fact.name}`, related, keys, pairs: [] }
  if (through) out.through = through
  if (kind === 'hasMany' || kind === 'hasOne' || kind === 'belongsTo') {
    out.pairs = pair('localKey', 'foreignKey')
    out.lookup = byRole(kind === 'belongsTo' ? 'localKey' : 'foreignKey')
  } else if (kind === 'hasManyThrough') {
    out.pairs = [...pair('localKey', 'foreignKey'), ...pair('throughLocalKey', 'throughForeignKey')]
  } else if (kind === 'manyToMany' && ts) {
    const pivot = resolvePivot(ts, model, relation, related, byRole)
    if (pivot) out.pivot = pivot
  }
  return out
}

/** The keys each relation's boot() extracts, in Lucid's order, with the model each must be a column of. */
function keySpecs(
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
  through: LucidModel | undefined,
): KeySpec[] | undefined {
  const { fact } = relation
  const options = keyOptionsOf(relation)
  const strategy = model.strategy
  const primary = (m: LucidModel) => ({ name: m.primaryKey, derivation: `the primary key of ${m.name}` })
  const foreignOf = (m: LucidModel) => ({
    name: camelKey(strategy, m),
    derivation: `camelCase("${m.name}" + "_" + "${m.primaryKey}")`,
  })
  // A default needs Lucid's naming strategy and the primary key of the model it is derived from.
  const known = (m: LucidModel, make: (m: LucidModel) => { name: string; derivation: string }) => () =>
    strategy && m.complete ? make(m) : undefined
  switch (fact.kind) {
    case 'hasMany':
    case 'hasOne':
      return [
        { role: 'localKey', option: options.localKey, owner: model, fallback: known(model, primary) },
        { role: 'foreignKey', option: options.foreignKey, owner: related, fallback: known(model, foreignOf) },
      ]
    case 'belongsTo':
      return [
        { role: 'localKey', option: options.localKey, owner: related, fallback: known(related, primary) },
        { role: 'foreignKey', option: options.foreignKey, owner: model, fallback: known(related, foreignOf) },
      ]
    case 'manyToMany': {
      // relatedKey defaults to relationLocalKey(...) too: the primary key *name* of this model.
      const relatedDefault = (m: LucidModel) => ({
        name: m.primaryKey,
        derivation: `Lucid's default relatedKey: the primary key name of ${m.name}`,
      })
      return [
        { role: 'localKey', option: options.localKey, owner: model, fallback: known(model, primary) },
        {
          role: 'relatedKey',
          option: options.relatedKey,
          owner: related,
          fallback: known(model, relatedDefault),
        },
      ]
    }
    case 'hasManyThrough': {
      if (!through) return undefined
      return [
        { role: 'localKey', option: options.localKey, owner: model, fallback: known(model, primary) },
        { role: 'foreignKey', option: options.foreignKey, owner: through, fallback: known(model, foreignOf) },
        {
          role: 'throughLocalKey',
          option: options.throughLocalKey,
          owner: through,
          fallback: known(through, primary),
        },
        {
          role: 'throughForeignKey',
          option: options.throughForeignKey,
          owner: related,
          fallback: known(through, foreignOf),
        },
      ]
    }
  }
}

/** The key options with their constants read when the model index could read them. */
function keyOptionsOf(relation: ModelRelation): KeyOptions {
  return relation.keyOptions ?? writtenKeyOptions(relation.fact)
}

function camelKey(strategy: LucidModel['strategy'], m: LucidModel): string {
  // hasMany's relationForeignKey builds camelCase(model.name + "_" + model.primaryKey) from its parent.
  return strategy?.relationForeignKey('hasMany', m, m) ?? ''
}

function resolvePivot(
  ts: typeof TS,
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
  byRole: (role: KeyRole) => ResolvedKey | undefined,
): ResolvedPivot | undefined {
  const strategy = model.strategy
  const { pivotTable, pivotForeignKey, pivotRelatedForeignKey } = keyOptionsOf(relation)
  // A pivot key built by code leaves the other one checkable; a table built by code leaves nothing.
  if (pivotTable && pivotTable.value === undefined) return undefined
  const names = [related.name, model.name].sort()
  let table = pivotTable?.value
  // An app strategy that names pivot tables itself leaves the default unknown.
  if (table === undefined && strategy && !model.strategyGaps?.pivotTable)
    table = strategy.relationPivotTable('manyToMany', model, related)
  if (table === undefined) return undefined
  const pivotKey = (
    role: PivotKey['role'],
    option: KeyOption | undefined,
    of: LucidModel,
    holds: ResolvedKey | undefined,
  ): PivotKey | undefined => {
    if (option?.value !== undefined) return withHolds({ role, name: option.value, option }, holds)
    if (option) return undefined
    if (!strategy || !of.complete) return undefined
    const name = strategy.relationPivotForeignKey(of)
    return withHolds({ role, name, derivation: `snakeCase("${of.name}" + "_" + "${of.primaryKey}")` }, holds)
  }
  const keys = [
    pivotKey('pivotForeignKey', pivotForeignKey, model, byRole('localKey')),
    pivotKey('pivotRelatedForeignKey', pivotRelatedForeignKey, related, byRole('relatedKey')),
  ].filter((k): k is PivotKey => k !== undefined)
  const pivot: ResolvedPivot = { table, keys }
  if (pivotTable) pivot.tableOption = pivotTable
  else pivot.tableDerivation = `snakeCase("${names.join('_')}")`
  const columns = pivotColumnNodes(ts, relation.fact.manyToMany?.pivotColumns)
  if (columns) pivot.columns = columns
  return pivot
}

function withHolds(key: PivotKey, holds: ResolvedKey | undefined): PivotKey {
  if (holds) key.holds = holds
  return key
}
