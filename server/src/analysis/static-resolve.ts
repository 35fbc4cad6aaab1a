// Resolves a name without the type checker: through the scopes around it (local-scopes.ts) and the
// app's own imports and exports (module-table.ts). Most names the analysis resolves are simple: a
// model class imported from another file of the app (`() => Post`), a variable or a parameter.
// Anything this does not read with certainty (a `var`, a namespace import, a merged declaration,
// `export *`, an ambient module, a declaration file) answers undefined, and the caller asks the
// checker, which gives the same answer it always did.
import type * as TS from 'typescript'
import { scopeOf } from './local-scopes'
import { tableOf, type Binding } from './module-table'
import type { Resolution } from './resolve'
import type { TsModule } from './syntax'

/** The internal Program method behind `import` resolution; checked for at runtime. */
interface ResolvedModuleLookup {
  getResolvedModuleFromModuleSpecifier?(
    specifier: TS.StringLiteralLike,
    file: TS.SourceFile,
  ): TS.ResolvedModuleWithFailedLookupLocations | undefined
}

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
