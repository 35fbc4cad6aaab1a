// Can a query of this model preload relations by itself? `@beforeFind`/`@beforeFetch` hooks that call
// `query.preload()`, `this.before('fetch', ...)` in `boot()`, and auto-preload mixins with
// `static $with` (adonis-auto-preload) do. LL502 says nothing about such models.
import type * as TS from 'typescript'
import type { LucidModel } from '../lucid-model'
import type { OriginContext } from './rows-origin'

const PRELOADING_TEXT = /@before(Find|Fetch|Paginate)\b|\$with\b|\.before\(\s*['"`](find|fetch|paginate)/
const cache = new WeakMap<LucidModel, boolean>()

export function mayAutoPreload(ctx: OriginContext, model: LucidModel): boolean {
  let answer = cache.get(model)
  if (answer === undefined) {
    answer = chainMayPreload(ctx, model)
    cache.set(model, answer)
  }
  return answer
}

function chainMayPreload(ctx: OriginContext, model: LucidModel): boolean {
  for (let current: LucidModel | undefined = model; current; current = current.base) {
    const node = current.facts.node
    if (PRELOADING_TEXT.test(node.getText())) return true
    if (current.facts.heritage && mixinsMayPreload(ctx, current.facts.heritage)) return true
  }
  return false
}

/** `compose(BaseModel, A, B)`: a mixin we cannot read, or one with preloading text, may preload. */
function mixinsMayPreload(ctx: OriginContext, heritage: TS.Expression): boolean {
  const { ts } = ctx
  if (!ts.isCallExpression(heritage)) return false
  return heritage.arguments.slice(1).some((arg) => {
    const target = ts.isCallExpression(arg) ? arg.expression : arg
    let symbol: TS.Symbol | undefined
    try {
      symbol = ctx.checker.getSymbolAtLocation(target)
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = ctx.checker.getAliasedSymbol(symbol)
    } catch {
      return true
    }
    const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0]
    if (!decl) return true
    const file = decl.getSourceFile()
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) return true
    return PRELOADING_TEXT.test(decl.getText())
  })
}
