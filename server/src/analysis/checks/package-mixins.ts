// Mixins from packages are not read (model-index.ts treats them as adding no columns, which is what
// the relation and schema checks need). A query check needs every attribute: a package mixin may
// add some (`SoftDeletes` adds `deletedAt`), so a model composing one is unsure, except for the
// mixins known to add none.
import type * as TS from 'typescript'
import type { LucidModel } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { isExternalFile, resolveName } from '../resolve'
import { skipOuter } from '../syntax'

/** Package mixins that add methods only (`withAuthFinder` of @adonisjs/auth). */
const WITHOUT_COLUMNS = new Set(['withAuthFinder', 'AuthFinder'])

export function composesPackageMixin(index: ModelIndex, model: LucidModel): boolean {
  for (let current: LucidModel | undefined = model; current; current = current.base) {
    const heritage = current.facts.heritage && skipOuter(index.ts, current.facts.heritage)
    if (!heritage || !index.ts.isCallExpression(heritage)) continue
    if (!index.ts.isIdentifier(heritage.expression) || heritage.expression.text !== 'compose') continue
    if (heritage.arguments.slice(1).some((arg) => !fromApp(index, arg))) return true
  }
  return false
}

function fromApp(index: ModelIndex, arg: TS.Expression): boolean {
  const { ts } = index
  let target = skipOuter(ts, arg)
  while (ts.isCallExpression(target)) target = skipOuter(ts, target.expression)
  if (ts.isIdentifier(target) && WITHOUT_COLUMNS.has(target.text)) return true
  const resolution = resolveName(ts, index.checker, target)
  if (resolution.kind !== 'declaration') return false
  const decl = resolution.declaration
  if (isExternalFile(decl.getSourceFile())) return false
  // `const AuthFinder = withAuthFinder(...)`: the app's name for a package mixin.
  if (ts.isVariableDeclaration(decl) && decl.initializer) {
    let init = skipOuter(ts, decl.initializer)
    while (ts.isCallExpression(init)) init = skipOuter(ts, init.expression)
    if (ts.isIdentifier(init) && init !== target) return fromApp(index, init)
  }
  return true
}
