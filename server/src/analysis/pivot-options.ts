// manyToMany's pivot options that are not plain strings: `pivotColumns` and `pivotTimestamps`.
import type * as TS from 'typescript'
import type { PivotKeys } from '../../../engine/src/model-graph'
import { objectProperties, skipOuter, stringValue, type TsModule } from './syntax'

/** `pivotColumns: ['role']`: only an array of string literals can be read ([] when absent). */
export function pivotColumnNodes(
  ts: TsModule,
  node: TS.Expression | undefined,
): { name: string; node: TS.Expression }[] | undefined {
  if (!node) return []
  const expr = skipOuter(ts, node)
  if (!ts.isArrayLiteralExpression(expr)) return undefined
  const out: { name: string; node: TS.Expression }[] = []
  for (const element of expr.elements) {
    const name = stringValue(ts, element)
    if (name === undefined) return undefined
    out.push({ name, node: element })
  }
  return out
}

/** `true` means `created_at` and `updated_at`; an object names either, or turns it on with `true`. */
export function pivotTimestamps(
  ts: TsModule,
  node: TS.Expression | undefined,
): PivotKeys['timestamps'] | undefined {
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
