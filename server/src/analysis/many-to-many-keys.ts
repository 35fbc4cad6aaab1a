// The keys and pivot table Lucid's `ManyToMany.boot()` picks, as the engine's RelationKeys: the
// local key on this model, the related key on the related model (both default to this model's
// primary key name), and the pivot table and its two foreign keys from the naming strategy.
import type * as TS from 'typescript'
import type { PivotKeys, RelationKeys } from '../../../engine/src/model-graph'
import type { KeyOption } from './class-facts'
import type { LucidModel, ModelRelation } from './lucid-model'
import { objectProperties, skipOuter, stringValue, type TsModule } from './syntax'

/** Undefined when an option is dynamic or a default needs a custom naming strategy. */
export function resolveManyToManyKeys(
  ts: TsModule,
  model: LucidModel,
  relation: ModelRelation,
  related: LucidModel,
): RelationKeys | undefined {
  const { fact } = relation
  const options = fact.manyToMany ?? {}
  const given = [fact.localKey, options.relatedKey, options.pivotTable, options.pivotForeignKey]
  given.push(options.pivotRelatedForeignKey)
  if (given.some((option) => option && option.value === undefined)) return undefined
  const strategy = model.strategy
  const owner = { name: model.name, primaryKey: model.primaryKey }
  const target = { name: related.name, primaryKey: related.primaryKey }
  const pick = (option: KeyOption | undefined, fallback: () => string | undefined) =>
    option?.value ?? fallback()
  const localKey = pick(fact.localKey, () => strategy?.relationLocalKey('manyToMany', owner, target))
  const relatedKey = pick(options.relatedKey, () => strategy?.relationLocalKey('manyToMany', owner, target))
  const table = pick(options.pivotTable, () => strategy?.relationPivotTable('manyToMany', owner, target))
  const foreignKey = pick(options.pivotForeignKey, () => strategy?.relationPivotForeignKey(owner))
  const relatedForeignKey = pick(options.pivotRelatedForeignKey, () =>
    strategy?.relationPivotForeignKey(target),
  )
  const columns = pivotColumns(ts, options.pivotColumns)
  const timestamps = pivotTimestamps(ts, options.pivotTimestamps)
  if (!localKey || !relatedKey || !table || !foreignKey || !relatedForeignKey || !columns || !timestamps) {
    return undefined
  }
  const pivot: PivotKeys = {
    table,
    tableIsDefault: !options.pivotTable,
    foreignKey,
    relatedForeignKey,
    columns,
    timestamps,
  }
  const keys: RelationKeys = {
    localKey,
    localKeyIsDefault: !fact.localKey,
    foreignKey: relatedKey,
    foreignKeyIsDefault: !options.relatedKey,
    pivot,
  }
  const localColumn = model.columns.get(localKey)?.columnName
  const relatedColumn = related.columns.get(relatedKey)?.columnName
  if (localColumn) keys.localKeyColumn = localColumn
  if (relatedColumn) keys.foreignKeyColumn = relatedColumn
  return keys
}

/** `pivotColumns: ['role']`: only an array of string literals can be read. */
function pivotColumns(ts: TsModule, node: TS.Expression | undefined): string[] | undefined {
  if (!node) return []
  const expr = skipOuter(ts, node)
  if (!ts.isArrayLiteralExpression(expr)) return undefined
  const names = expr.elements.map((element) => stringValue(ts, element))
  return names.every((name): name is string => name !== undefined) ? names : undefined
}

/** `true` means `created_at` and `updated_at`; an object names either, or turns it on with `true`. */
function pivotTimestamps(ts: TsModule, node: TS.Expression | undefined): PivotKeys['timestamps'] | undefined {
  if (!node) return {}
  const expr = skipOuter(ts, node)
  if (expr.kind === ts.SyntaxKind.FalseKeyword) return {}
  if (expr.kind === ts.SyntaxKind.TrueKeyword) return { createdAt: 'created_at', updatedAt: 'updated_at' }
  if (!ts.isObjectLiteralExpression(expr)) return undefined
  const properties = objectProperties(ts, expr)
  const timestamps: PivotKeys['timestamps'] = {}
  for (const [key, fallback] of [
    ['createdAt', 'created_at'],
    ['updatedAt', 'updated_at'],
  ] as const) {
    const value = properties.get(key)
    if (!value || value.kind === ts.SyntaxKind.FalseKeyword) continue
    const name = value.kind === ts.SyntaxKind.TrueKeyword ? fallback : stringValue(ts, value)
    if (name === undefined) return undefined
    timestamps[key] = name
  }
  return timestamps
}
