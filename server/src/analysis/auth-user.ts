// `auth.user!`, `auth.getUserOrFail()`, `auth.use('web').user`: the app's user model, read from the
// user providers of config/auth.ts (`model: () => import('#models/user')`). Only an app whose
// providers all name one and the same model has an answer: with two models, which one a guard
// returns depends on the guard.
import type * as TS from 'typescript'
import type { LucidModel } from './lucid-model'
import type { ModelIndex } from './model-index'
import { isExternalFile } from './resolve'
import { skipOuter, type TsModule } from './syntax'

const cache = new WeakMap<ModelIndex, LucidModel | null>()

/** Methods of a guard (or of `auth` itself) that return the authenticated user. */
export const AUTH_USER_METHODS = new Set(['getUserOrFail', 'authenticate'])

export function authUserModel(index: ModelIndex): LucidModel | undefined {
  if (!cache.has(index)) cache.set(index, readAuthConfig(index) ?? null)
  return cache.get(index) ?? undefined
}

/**
 * `auth` destructured from a parameter typed `HttpContext`, or `ctx.auth` / `this.ctx.auth` on one
 * (optionally `.use('web')`). A variable that only happens to be called `auth` is not enough.
 */
export function isAuthExpression(index: ModelIndex, expr: TS.Expression): boolean {
  const ts = index.ts
  let node = skipOuter(ts, expr)
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'use'
  )
    node = skipOuter(ts, node.expression.expression)
  if (ts.isIdentifier(node) && node.text === 'auth') {
    const decl = declarationOf(index, node)
    if (!decl || !ts.isBindingElement(decl) || !ts.isObjectBindingPattern(decl.parent)) return false
    const holder = decl.parent.parent
    return ts.isParameter(holder) && isHttpContextType(ts, holder.type)
  }
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'auth') return false
  const decl = declarationOf(index, node.expression)
  return (
    !!decl &&
    (ts.isParameter(decl) || ts.isPropertyDeclaration(decl) || ts.isVariableDeclaration(decl)) &&
    isHttpContextType(ts, decl.type)
  )
}

function declarationOf(index: ModelIndex, node: TS.Node): TS.Declaration | undefined {
  try {
    return index.checker.getSymbolAtLocation(node)?.valueDeclaration
  } catch {
    return undefined
  }
}

function isHttpContextType(ts: TsModule, type: TS.TypeNode | undefined): boolean {
  if (!type || !ts.isTypeReferenceNode(type)) return false
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text
  return name === 'HttpContext' || name === 'HttpContextContract'
}

function readAuthConfig(index: ModelIndex): LucidModel | undefined {
  const ts = index.ts
  const file = index.program
    .getSourceFiles()
    .find((f) => !isExternalFile(f) && /[\\/]config[\\/]auth\.(ts|js|mts)$/.test(f.fileName))
  if (!file) return undefined
  const models = new Set<LucidModel>()
  let unreadable = false
  const visit = (node: TS.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'model') {
      const model = modelOfImporter(index, node.initializer)
      if (model) models.add(model)
      else unreadable = true
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const [only] = models
  return !unreadable && models.size === 1 ? only : undefined
}

/** `() => import('#models/user')`: the default export of the module, when it is a model. */
function modelOfImporter(index: ModelIndex, init: TS.Expression): LucidModel | undefined {
  const ts = index.ts
  if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) return undefined
  const body = ts.isBlock(init.body) ? init.body.statements.find(ts.isReturnStatement)?.expression : init.body
  const call = body && skipOuter(ts, body)
  if (!call || !ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.ImportKeyword)
    return undefined
  return defaultExportModel(index, call)
}

/** The model exported as `default` by the module of `import('...')`. */
export function defaultExportModel(index: ModelIndex, importCall: TS.CallExpression): LucidModel | undefined {
  const ts = index.ts
  const specifier = importCall.arguments[0]
  if (!specifier || !ts.isStringLiteralLike(specifier)) return undefined
  try {
    const module = index.checker.getSymbolAtLocation(specifier)
    const exported = module && index.checker.getExportsOfModule(module).find((s) => s.name === 'default')
    if (!exported) return undefined
    const target = exported.flags & ts.SymbolFlags.Alias ? index.checker.getAliasedSymbol(exported) : exported
    const decl = target.valueDeclaration ?? target.declarations?.[0]
    if (!decl) return undefined
    if (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) return index.modelOf(decl)
    if (ts.isExportAssignment(decl)) return index.modelOfExpression(decl.expression)
  } catch {
    return undefined
  }
  return undefined
}
