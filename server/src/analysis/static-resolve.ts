// Resolves a name through the app's own imports and exports by reading the files' top-level
// statements, without the type checker. Most names the analysis resolves are the simple case: a
// model class imported by default or by name from another file of the app (`() => Post`).
// Anything this does not read with certainty (a name a function or block may shadow, a namespace
// import, a merged declaration, `export *`, an ambient module, a declaration file) answers
// undefined, and the caller asks the checker, which then gives the same answer it always did.
import type * as TS from 'typescript'
import type { Resolution } from './resolve'
import { hasModifier, type TsModule } from './syntax'

/** What a top-level name of a file is bound to. */
type Binding =
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

/** The internal Program method behind `import` resolution; checked for at runtime. */
interface ResolvedModuleLookup {
  getResolvedModuleFromModuleSpecifier?(
    specifier: TS.StringLiteralLike,
    file: TS.SourceFile,
  ): TS.ResolvedModuleWithFailedLookupLocations | undefined
}

const tables = new WeakMap<TS.SourceFile, ModuleTable>()
/** Per program (a file created later changes where an import leads): import specifier to app file. */
const targets = new WeakMap<TS.Program, Map<TS.StringLiteral, TS.SourceFile | null>>()
/** Bindings followed before giving up (a cycle, or a long re-export chain). */
const MAX_HOPS = 8

/**
 * The declaration an identifier names (a local variable or parameter, or through imports and
 * re-exports of the app's files) when the files' syntax alone settles it; undefined when only the
 * checker can tell.
 */
export function resolveStatically(ts: TsModule, program: TS.Program, node: TS.Node): Resolution | undefined {
  // A script (no import or export) shares its top level with every other script: the checker's.
  if (!ts.isIdentifier(node) || !isReference(ts, node) || !ts.isExternalModule(node.getSourceFile()))
    return undefined
  const scoped = scopeOf(ts, node)
  if (scoped === 'unsure') return undefined
  const found: Resolution | undefined =
    scoped === 'top level'
      ? topLevelName(ts, program, node.getSourceFile(), node.text)
      : { kind: 'declaration', declaration: scoped.declaration }
  // A type position means the name's type: the same declaration only for a class.
  if (found?.kind === 'declaration' && isTypePosition(ts, node) && !ts.isClassLike(found.declaration))
    return undefined
  return found
}

/** Per program: what each top-level name of a file resolves to (a model is named again and again). */
const topLevel = new WeakMap<TS.Program, Map<TS.SourceFile, Map<string, Resolution | null>>>()

function topLevelName(
  ts: TsModule,
  program: TS.Program,
  file: TS.SourceFile,
  name: string,
): Resolution | undefined {
  let files = topLevel.get(program)
  if (!files) topLevel.set(program, (files = new Map()))
  let names = files.get(file)
  if (!names) files.set(file, (names = new Map()))
  let found = names.get(name)
  if (found === undefined) {
    found = follow(ts, program, file, { kind: 'local', name }, 0) ?? null
    names.set(name, found)
  }
  return found ?? undefined
}

function follow(
  ts: TsModule,
  program: TS.Program,
  file: TS.SourceFile,
  binding: Binding | undefined,
  hops: number,
  origin?: { module: string; importedName: string },
): Resolution | undefined {
  if (!binding || hops > MAX_HOPS) return undefined
  switch (binding.kind) {
    case 'opaque':
      return undefined
    case 'declaration':
      return { kind: 'declaration', declaration: binding.declaration, ...origin }
    case 'local':
      return follow(ts, program, file, tableOf(ts, file).locals.get(binding.name), hops + 1, origin)
    case 'import': {
      const target = importedFile(program, file, binding.specifier)
      if (!target) return undefined
      const table = tableOf(ts, target)
      const exported = table.exports.get(binding.name)
      if (!exported && table.exportsUnknown) return undefined
      // The first import on the way names where the name comes from, as the checker's alias does.
      const from = origin ?? { module: binding.specifier.text, importedName: binding.name }
      return follow(ts, program, target, exported, hops + 1, from)
    }
  }
}

/** The app file an import names; undefined for packages, declaration files and unresolved imports. */
function importedFile(
  program: TS.Program,
  file: TS.SourceFile,
  specifier: TS.StringLiteral,
): TS.SourceFile | undefined {
  let known = targets.get(program)
  if (!known) targets.set(program, (known = new Map()))
  let target = known.get(specifier)
  if (target === undefined) {
    target = lookUp(program, file, specifier) ?? null
    known.set(specifier, target)
  }
  return target ?? undefined
}

function lookUp(
  program: TS.Program,
  file: TS.SourceFile,
  specifier: TS.StringLiteral,
): TS.SourceFile | undefined {
  const lookup = (program as TS.Program & ResolvedModuleLookup).getResolvedModuleFromModuleSpecifier
  if (typeof lookup !== 'function') return undefined
  const resolved = lookup.call(program, specifier, file)?.resolvedModule
  if (!resolved || resolved.isExternalLibraryImport) return undefined
  const target = program.getSourceFile(resolved.resolvedFileName)
  return target && !target.isDeclarationFile ? target : undefined
}

/** A name that refers to something: not one that declares it, a property after a dot, an import's. */
function isReference(ts: TsModule, node: TS.Identifier): boolean {
  const parent = node.parent as TS.Node & { name?: TS.Node; label?: TS.Node; propertyName?: TS.Node }
  if (parent.name === node || parent.label === node || parent.propertyName === node) return false
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false
  if (ts.isQualifiedName(parent) && parent.right === node) return false
  // `import('./x').A.B` names members of another module; a JSX tag may be an intrinsic element.
  let entity: TS.Node = parent
  while (ts.isQualifiedName(entity)) entity = entity.parent
  if (ts.isImportTypeNode(entity)) return false
  return !(
    ts.isJsxOpeningElement(parent) ||
    ts.isJsxSelfClosingElement(parent) ||
    ts.isJsxClosingElement(parent)
  )
}

function isTypePosition(ts: TsModule, node: TS.Identifier): boolean {
  const parent = node.parent
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return true
  return (
    ts.isExpressionWithTypeArguments(parent) &&
    ts.isHeritageClause(parent.parent) &&
    parent.parent.token === ts.SyntaxKind.ImplementsKeyword
  )
}

/** What binds a name where it is written: a declaration of an enclosing scope, the top level, or unknown. */
type Scoped = { declaration: TS.Declaration } | 'top level' | 'unsure'

/**
 * The innermost scope around a name that binds it: a block's `let`, `const`, function or class, a
 * function's parameter, a `for` or `catch` variable; else the top level. A `var` (hoisted, maybe
 * declared twice), a name bound twice, a type parameter, a namespace, a named class expression, a
 * class static block, `with`, or a type-level scope (mapped, conditional, generic type) is left to
 * the checker.
 */
function scopeOf(ts: TsModule, node: TS.Identifier): Scoped {
  const name = node.text
  const roles = scopeRoles(ts)
  // The child the walk came up from: a function's parameters are visible from its parameters, body
  // and return type only (not from its decorators or a computed name), as in the checker.
  let last: TS.Node = node
  for (let current: TS.Node = node.parent; ; last = current, current = current.parent) {
    let bound: Local | undefined
    switch (roles.get(current.kind)) {
      case 'file':
        return 'top level'
      case 'decorator': {
        // The checker resolves a decorator at the class: past the parameter and the member it decorates.
        let at = current
        if (ts.isParameter(at.parent)) at = at.parent
        if (ts.isClassElement(at.parent) || ts.isClassDeclaration(at.parent)) at = at.parent
        current = at
        break
      }
      case 'block':
        bound = cached(blockScopes, current, () => blockNames(ts, current as TS.Block | TS.CaseBlock)).get(
          name,
        )
        break
      case 'function': {
        const fn = current as FunctionScope
        if (!(ts.isParameter(last) || last === fn.body || last === fn.type)) break
        // A parameter's default sees the body's own functions and classes (the body is no scope of its own).
        if (ts.isParameter(last) && declaresInBody(ts, fn, name)) return 'unsure'
        bound = cached(functionScopes, fn, () => functionNames(ts, fn)).get(name)
        break
      }
      case 'class': {
        const cls = current as TS.ClassLikeDeclaration
        if (ts.isClassExpression(cls) && cls.name) return 'unsure'
        if (cls.typeParameters?.some((p) => p.name.text === name)) return 'unsure'
        break
      }
      case 'loop': {
        const init = (current as TS.ForStatement | TS.ForInOrOfStatement).initializer
        if (init && ts.isVariableDeclarationList(init)) bound = listBindings(ts, init).get(name)
        break
      }
      case 'catch': {
        const variable = (current as TS.CatchClause).variableDeclaration
        if (variable) bound = declarationBindings(ts, variable).get(name)
        break
      }
      case 'opaque':
        return 'unsure'
    }
    if (bound === 'unsure') return 'unsure'
    if (bound) return { declaration: bound }
  }
}

type ScopeRole = 'file' | 'block' | 'function' | 'class' | 'loop' | 'catch' | 'decorator' | 'opaque'

const rolesCache = new WeakMap<TsModule, Map<TS.SyntaxKind, ScopeRole>>()

/**
 * What each kind of node is to a name inside it: a scope whose names are checked, or one that
 * defers to the checker. Kinds not listed bind nothing. Looked up by kind: this runs for every
 * ancestor of every name resolved.
 */
function scopeRoles(ts: TsModule): Map<TS.SyntaxKind, ScopeRole> {
  let roles = rolesCache.get(ts)
  if (roles) return roles
  const K = ts.SyntaxKind
  roles = new Map<TS.SyntaxKind, ScopeRole>([
    [K.SourceFile, 'file'],
    [K.Block, 'block'],
    [K.CaseBlock, 'block'],
    [K.ArrowFunction, 'function'],
    [K.FunctionExpression, 'function'],
    [K.FunctionDeclaration, 'function'],
    [K.MethodDeclaration, 'function'],
    [K.Constructor, 'function'],
    [K.GetAccessor, 'function'],
    [K.SetAccessor, 'function'],
    [K.ClassDeclaration, 'class'],
    [K.ClassExpression, 'class'],
    [K.ForStatement, 'loop'],
    [K.ForInStatement, 'loop'],
    [K.ForOfStatement, 'loop'],
    [K.CatchClause, 'catch'],
    [K.Decorator, 'decorator'],
    // Signatures and function types, namespaces, static blocks, `with`, type-level scopes.
    ...[
      K.MethodSignature,
      K.CallSignature,
      K.ConstructSignature,
      K.IndexSignature,
      K.FunctionType,
      K.ConstructorType,
      K.JSDocFunctionType,
      K.ModuleBlock,
      K.EnumDeclaration,
      K.ModuleDeclaration,
      K.ClassStaticBlockDeclaration,
      K.WithStatement,
      K.MappedType,
      K.ConditionalType,
      K.TypeAliasDeclaration,
      K.InterfaceDeclaration,
    ].map((kind): [TS.SyntaxKind, ScopeRole] => [kind, 'opaque']),
  ])
  rolesCache.set(ts, roles)
  return roles
}

type FunctionScope =
  | TS.ArrowFunction
  | TS.FunctionExpression
  | TS.FunctionDeclaration
  | TS.MethodDeclaration
  | TS.ConstructorDeclaration
  | TS.AccessorDeclaration

function isFunctionScope(ts: TsModule, node: TS.Node): node is FunctionScope {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  )
}

/** A declaration a scope binds a name to, or unsure (a `var`, a type, a name bound twice). */
type Local = TS.Declaration | 'unsure'
type Locals = Map<string, Local>

const blockScopes = new WeakMap<TS.Node, Locals>()
const functionScopes = new WeakMap<TS.Node, Locals>()

function cached(map: WeakMap<TS.Node, Locals>, node: TS.Node, read: () => Locals): Locals {
  let names = map.get(node)
  if (!names) map.set(node, (names = read()))
  return names
}

function bindLocal(names: Locals, name: string, local: Local): void {
  names.set(name, names.has(name) ? 'unsure' : local)
}

/** Every name a block's own statements declare. */
function blockNames(ts: TsModule, block: TS.Block | TS.CaseBlock): Locals {
  const names: Locals = new Map()
  const statements = ts.isBlock(block) ? block.statements : block.clauses.flatMap((c) => [...c.statements])
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const [n, local] of listBindings(ts, statement.declarationList)) bindLocal(names, n, local)
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      bindLocal(names, statement.name.text, statement)
    } else if (
      (ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement) ||
        ts.isImportEqualsDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement)) &&
      ts.isIdentifier(statement.name)
    ) {
      bindLocal(names, statement.name.text, 'unsure')
    }
  }
  return names
}

/** Parameters, type parameters, a function expression's own name and every `var` of the body. */
function functionNames(ts: TsModule, fn: FunctionScope): Locals {
  const names: Locals = new Map()
  for (const parameter of fn.parameters)
    for (const [n, local] of declarationBindings(ts, parameter)) bindLocal(names, n, local)
  for (const parameter of fn.typeParameters ?? []) bindLocal(names, parameter.name.text, 'unsure')
  if (ts.isFunctionExpression(fn) && fn.name) bindLocal(names, fn.name.text, 'unsure')
  const visit = (node: TS.Node): void => {
    if (isFunctionScope(ts, node) || ts.isClassStaticBlockDeclaration(node)) return
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0)
      for (const n of listBindings(ts, node).keys()) names.set(n, 'unsure')
    ts.forEachChild(node, visit)
  }
  // `var` is rare in TypeScript: a file whose text never spells it needs no walk.
  if (fn.body && ts.isBlock(fn.body) && spellsVar(fn.getSourceFile())) ts.forEachChild(fn.body, visit)
  return names
}

/** A `function` or `class` the body declares at its top, by name. */
function declaresInBody(ts: TsModule, fn: FunctionScope, name: string): boolean {
  const body = fn.body
  return (
    !!body &&
    ts.isBlock(body) &&
    body.statements.some(
      (s) => (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name,
    )
  )
}

const spellsVarCache = new WeakMap<TS.SourceFile, boolean>()

/** Whether the word `var` occurs in a file (in a comment or string too: never a miss). */
function spellsVar(file: TS.SourceFile): boolean {
  let found = spellsVarCache.get(file)
  if (found === undefined) spellsVarCache.set(file, (found = /\bvar\b/.test(file.text)))
  return found
}

/** The names a declaration list binds: its own declarations, or unsure for a `var` (hoisted). */
function listBindings(ts: TsModule, list: TS.VariableDeclarationList): Locals {
  const names: Locals = new Map()
  const scoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0
  for (const decl of list.declarations)
    for (const [n, local] of declarationBindings(ts, decl)) bindLocal(names, n, scoped ? local : 'unsure')
  return names
}

/** `x` binds the declaration itself; each name of a pattern, its binding element (as the checker has it). */
function declarationBindings(
  ts: TsModule,
  decl: TS.VariableDeclaration | TS.ParameterDeclaration | TS.BindingElement,
): Locals {
  const names: Locals = new Map()
  const add = (d: TS.VariableDeclaration | TS.ParameterDeclaration | TS.BindingElement): void => {
    if (ts.isIdentifier(d.name)) bindLocal(names, d.name.text, d)
    else for (const element of d.name.elements) if (!ts.isOmittedExpression(element)) add(element)
  }
  add(decl)
  return names
}

function tableOf(ts: TsModule, file: TS.SourceFile): ModuleTable {
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
  const opaque = (name: TS.Node | undefined, exported: boolean, isDefault = false) => {
    if (isDefault) bind(exports, 'default', { kind: 'opaque' })
    if (!name || !ts.isIdentifier(name)) return
    bind(locals, name.text, { kind: 'opaque' })
    if (exported && !isDefault) bind(exports, name.text, { kind: 'opaque' })
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
        if (!ts.isIdentifier(decl.name)) for (const name of boundNames(ts, decl.name)) opaque(name, exported)
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

function boundNames(ts: TsModule, pattern: TS.BindingName): TS.Identifier[] {
  if (ts.isIdentifier(pattern)) return [pattern]
  return pattern.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : boundNames(ts, element.name),
  )
}
