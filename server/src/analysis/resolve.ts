// Resolves an identifier to the declaration it names, through imports, using the type checker.
import type * as TS from 'typescript'
import type { TsModule } from './syntax'

export type Resolution =
  /** Nothing with that name is declared or imported. */
  | { kind: 'undeclared' }
  /** Imported, but the module or export could not be found (e.g. no node_modules). */
  | { kind: 'unresolved-import'; module: string; importedName: string }
  | { kind: 'declaration'; declaration: TS.Declaration; module?: string; importedName?: string }

export function resolveName(ts: TsModule, checker: TS.TypeChecker, node: TS.Node): Resolution {
  const symbol = symbolAt(checker, node)
  return symbol ? resolveSymbol(ts, checker, symbol) : { kind: 'undeclared' }
}

/** The symbol a name refers to where it is written; undefined when there is none (or the checker fails). */
export function symbolAt(checker: TS.TypeChecker, node: TS.Node): TS.Symbol | undefined {
  try {
    return checker.getSymbolAtLocation(node)
  } catch {
    return undefined
  }
}

/** resolveName for a symbol already looked up: its declaration, through an import. */
export function resolveSymbol(ts: TsModule, checker: TS.TypeChecker, symbol: TS.Symbol): Resolution {
  const origin = importOrigin(ts, symbol)
  if (symbol.flags & ts.SymbolFlags.Alias) {
    const target = checker.getAliasedSymbol(symbol)
    const declaration = target.valueDeclaration ?? target.declarations?.[0]
    if (!declaration)
      return { kind: 'unresolved-import', module: origin?.module ?? '', importedName: origin?.name ?? '' }
    return { kind: 'declaration', declaration, module: origin?.module, importedName: origin?.name }
  }
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0]
  return declaration ? { kind: 'declaration', declaration } : { kind: 'undeclared' }
}

/** Where an imported symbol comes from: the module specifier and the exported name. */
function importOrigin(ts: TsModule, symbol: TS.Symbol): { module: string; name: string } | undefined {
  const decl = symbol.declarations?.[0]
  if (!decl) return undefined
  if (ts.isImportSpecifier(decl)) {
    const module = decl.parent.parent.parent.moduleSpecifier
    return ts.isStringLiteral(module)
      ? { module: module.text, name: (decl.propertyName ?? decl.name).text }
      : undefined
  }
  if (ts.isImportClause(decl)) {
    const module = decl.parent.moduleSpecifier
    return ts.isStringLiteral(module) ? { module: module.text, name: 'default' } : undefined
  }
  return undefined
}

const LUCID_MODULES = /^(@ioc:Adonis\/Lucid\/Orm|@adonisjs\/lucid(\/.*)?)$/

/** `@adonisjs/lucid` and its subpaths, and v5's `@ioc:Adonis/Lucid/Orm`. */
export function isLucidModule(specifier: string): boolean {
  // Every import of every file is asked: most are not Lucid's, which their first letter tells.
  const first = specifier.charCodeAt(0)
  return first === 0x40 /* @ */ && LUCID_MODULES.test(specifier)
}

const lucidImportsCache = new WeakMap<TS.SourceFile, Map<string, string>>()

/**
 * The names a file imports from Lucid's own modules, local name to exported name (`Base` to
 * `BaseModel` for `import { BaseModel as Base }`), read off its import statements.
 */
export function lucidImports(ts: TsModule, file: TS.SourceFile): Map<string, string> {
  let names = lucidImportsCache.get(file)
  if (names) return names
  names = new Map()
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    if (!isLucidModule(statement.moduleSpecifier.text)) continue
    const named = statement.importClause?.namedBindings
    if (!named || !ts.isNamedImports(named)) continue
    for (const element of named.elements)
      names.set(element.name.text, (element.propertyName ?? element.name).text)
  }
  lucidImportsCache.set(file, names)
  return names
}

/**
 * Whether the heritage expression of a top-level class names Lucid's `BaseModel` through an import
 * (no local name can shadow an import at the top level): what resolveName and isLucidBaseModel
 * would say, without the checker's alias chase.
 */
export function extendsLucidBaseModel(
  ts: TsModule,
  cls: TS.ClassLikeDeclaration,
  expr: TS.Expression,
): boolean {
  return (
    ts.isIdentifier(expr) &&
    ts.isSourceFile(cls.parent) &&
    lucidImports(ts, cls.parent).get(expr.text) === 'BaseModel'
  )
}

/** True for Lucid's own `BaseModel`, whether or not node_modules is installed. */
export function isLucidBaseModel(resolution: Resolution): boolean {
  if (resolution.kind === 'undeclared') return false
  if (resolution.module !== undefined && LUCID_MODULES.test(resolution.module)) {
    return resolution.importedName === 'BaseModel'
  }
  if (resolution.kind === 'declaration') {
    const file = resolution.declaration.getSourceFile().fileName
    const name = (resolution.declaration as TS.NamedDeclaration).name
    return /[\\/]@adonisjs[\\/]lucid[\\/]/.test(file) && !!name && name.getText() === 'BaseModel'
  }
  return false
}

export function isExternalFile(file: TS.SourceFile): boolean {
  // `includes`, not a regular expression: this runs for every file in loops over the program.
  const name = file.fileName
  return file.isDeclarationFile || name.includes('/node_modules/') || name.includes('\\node_modules\\')
}
