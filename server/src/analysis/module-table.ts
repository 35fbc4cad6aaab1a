// What each top-level name of a file is bound to, and what the file exports, read off its import,
// export and declaration statements (once per file version). Used by static-resolve.ts; a name bound
// twice, a namespace, a type or anything else the checker merges is opaque here.
import type * as TS from 'typescript'
import { declarationBindings } from './local-scopes'
import { hasModifier, type TsModule } from './syntax'

/** What a top-level name of a file is bound to. */
export type Binding =
  | { kind: 'declaration'; declaration: TS.Declaration }
  | { kind: 'import'; specifier: TS.StringLiteral; name: string }
  /** A local name exported under another (`export { A as B }`): resolved in the same file. */
  | { kind: 'local'; name: string }
  /** Something this does not follow (a namespace import, `import x = require()`, a type, a merge). */
  | { kind: 'opaque' }

interface ModuleTable {
  locals: Map<string, Binding>
  exports: Map<string, Binding>
  /** `export * from '...'` or `export =`: a name missing from `exports` may still be exported. */
  exportsUnknown: boolean
}

const tables = new WeakMap<TS.SourceFile, ModuleTable>()

export function tableOf(ts: TsModule, file: TS.SourceFile): ModuleTable {
  let table = tables.get(file)
  if (!table) {
    table = readTable(ts, file)
    tables.set(file, table)
  }
  return table
}

function readTable(ts: TsModule, file: TS.SourceFile): ModuleTable {
  const locals = new Map<string, Binding>()
  const exports = new Map<string, Binding>()
  let exportsUnknown = false
  // A second binding of one name (overloads, a class merged with an interface...) is the checker's.
  const bind = (map: Map<string, Binding>, name: string, binding: Binding): void => {
    map.set(name, map.has(name) ? { kind: 'opaque' } : binding)
  }
  const declare = (decl: TS.Declaration & { name?: TS.Node }, exported: boolean, isDefault: boolean) => {
    const named = decl.name && ts.isIdentifier(decl.name) ? decl.name.text : undefined
    if (named) bind(locals, named, { kind: 'declaration', declaration: decl })
    if (isDefault) bind(exports, 'default', { kind: 'declaration', declaration: decl })
    else if (exported && named) bind(exports, named, { kind: 'declaration', declaration: decl })
  }
  const opaque = (name: TS.Node | string | undefined, exported: boolean, isDefault = false) => {
    if (isDefault) bind(exports, 'default', { kind: 'opaque' })
    const text = typeof name === 'string' ? name : name && ts.isIdentifier(name) ? name.text : undefined
    if (text === undefined) return
    bind(locals, text, { kind: 'opaque' })
    if (exported && !isDefault) bind(exports, text, { kind: 'opaque' })
  }
  for (const statement of file.statements) {
    const exported = hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword)
    const isDefault = exported && hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword)
    const ambient = hasModifier(ts, statement, ts.SyntaxKind.DeclareKeyword)
    if (ts.isImportDeclaration(statement)) {
      readImport(ts, statement, (name, binding) => bind(locals, name, binding))
    } else if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
      if (ambient) opaque(statement.name, exported, isDefault)
      else declare(statement, exported, isDefault)
    } else if (ts.isVariableStatement(statement)) {
      // A top-level `var` may be declared again in a nested block, earlier: the checker's.
      const blockScoped = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name))
          for (const name of declarationBindings(ts, decl).keys()) opaque(name, exported)
        else if (ambient || !blockScoped) opaque(decl.name, exported)
        else declare(decl, exported, false)
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) exportsUnknown = true
      else if (ts.isIdentifier(statement.expression))
        bind(exports, 'default', { kind: 'local', name: statement.expression.text })
      else if (ts.isPropertyAccessExpression(statement.expression))
        bind(exports, 'default', { kind: 'opaque' })
      else bind(exports, 'default', { kind: 'declaration', declaration: statement })
    } else if (ts.isExportDeclaration(statement)) {
      if (!readExport(ts, statement, (name, binding) => bind(exports, name, binding))) exportsUnknown = true
    } else if (
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement)
    ) {
      opaque(statement.name, exported, isDefault)
    }
  }
  return { locals, exports, exportsUnknown }
}

function readImport(
  ts: TsModule,
  statement: TS.ImportDeclaration,
  bind: (name: string, binding: Binding) => void,
): void {
  const clause = statement.importClause
  if (!clause) return
  const specifier = statement.moduleSpecifier
  const named = clause.namedBindings
  if (!ts.isStringLiteral(specifier)) {
    if (clause.name) bind(clause.name.text, { kind: 'opaque' })
    if (named && ts.isNamespaceImport(named)) bind(named.name.text, { kind: 'opaque' })
    else if (named) for (const element of named.elements) bind(element.name.text, { kind: 'opaque' })
    return
  }
  if (clause.name) bind(clause.name.text, { kind: 'import', specifier, name: 'default' })
  if (!named) return
  if (ts.isNamespaceImport(named)) {
    bind(named.name.text, { kind: 'opaque' })
    return
  }
  for (const element of named.elements) {
    const imported = element.propertyName ?? element.name
    if (!ts.isIdentifier(imported)) bind(element.name.text, { kind: 'opaque' })
    else bind(element.name.text, { kind: 'import', specifier, name: imported.text })
  }
}

/** Reads `export { ... }` (from a module or not); false for `export * from`. */
function readExport(
  ts: TsModule,
  statement: TS.ExportDeclaration,
  bind: (name: string, binding: Binding) => void,
): boolean {
  const clause = statement.exportClause
  const specifier = statement.moduleSpecifier
  if (!clause) return false
  if (ts.isNamespaceExport(clause)) {
    bind(clause.name.text, { kind: 'opaque' })
    return true
  }
  for (const element of clause.elements) {
    const exportedName = element.name.text
    const localName = (element.propertyName ?? element.name).text
    if (!specifier) bind(exportedName, { kind: 'local', name: localName })
    else if (ts.isStringLiteral(specifier)) bind(exportedName, { kind: 'import', specifier, name: localName })
    else bind(exportedName, { kind: 'opaque' })
  }
  return true
}
