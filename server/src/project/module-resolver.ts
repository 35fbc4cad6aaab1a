// Module resolution for one project, memoized in TypeScript's ModuleResolutionCache, with a bound.
// Every distinct (directory, specifier) adds entries that TypeScript never drops (about 11 KB for
// a path that resolves nowhere, with its failed lookup locations), so typing import paths grew the
// server without end. The resolver counts the lookups files stopped asking for; past a bound the
// cache starts again empty. Dropping it only loses memoization: the program keeps the resolutions
// of unchanged files, and the next lookups fill the new cache with the same answers.
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { TsModule } from '../analysis/syntax'
import { DirectImports } from './direct-imports'

/** Lookups no file asks for any more that the cache may hold before it is replaced. */
export const STALE_LOOKUP_LIMIT = 256

export class ModuleResolver {
  private cache: TS.ModuleResolutionCache
  /** The lookups each file made the last time it was resolved. */
  private readonly lookups = new Map<string, Set<string>>()
  private stale = 0
  private readonly direct: DirectImports
  /** TypeScript's answers by folder, specifier and mode, while its cache holds them. */
  private readonly answers = new Map<string, TS.ResolvedModuleWithFailedLookupLocations>()
  /** How many times the cache was replaced. */
  resets = 0

  /** `files`: the project's own files, which imports of the app name (see direct-imports.ts). */
  constructor(
    private readonly ts: TsModule,
    private readonly rootDir: string,
    private readonly options: TS.CompilerOptions,
    files: ReadonlySet<string>,
    private readonly limit = STALE_LOOKUP_LIMIT,
  ) {
    this.cache = this.fresh()
    this.direct = new DirectImports(ts, files, options, rootDir)
  }

  /** What the LanguageService host hands TypeScript: the current cache. */
  get resolutionCache(): TS.ModuleResolutionCache {
    return this.cache
  }

  /** Every import of one file (TypeScript asks for them together whenever the file changed). */
  resolveAll(
    literals: readonly TS.StringLiteralLike[],
    containingFile: string,
    redirected: TS.ResolvedProjectReference | undefined,
    options: TS.CompilerOptions,
    sourceFile: TS.SourceFile,
  ): TS.ResolvedModuleWithFailedLookupLocations[] {
    const ts = this.ts
    // A referenced project's file resolves with that project's options; a package's declaration
    // files import other packages: neither can be answered from this project's file list.
    const skipDirect = redirected !== undefined || /[\\/]node_modules[\\/]/.test(containingFile)
    const direct = literals.map((literal) =>
      skipDirect ? undefined : this.direct.resolve(literal.text, containingFile),
    )
    const modes = literals.map((literal, i) =>
      direct[i] ? undefined : ts.getModeForUsageLocation(sourceFile, literal, options),
    )
    // Only what TypeScript resolves enters its cache: the lookups direct imports answer are not counted.
    const keys = new Set<string>()
    literals.forEach((literal, i) => direct[i] || keys.add(`${literal.text}\0${modes[i]}`))
    for (const key of this.lookups.get(containingFile) ?? []) if (!keys.has(key)) this.stale++
    this.lookups.set(containingFile, keys)
    if (this.stale >= this.limit) {
      this.stale = 0
      this.cache = this.fresh()
      this.answers.clear()
      this.resets++
    }
    return literals.map(
      (literal, i) => direct[i] ?? this.resolve(literal.text, containingFile, redirected, options, modes[i]),
    )
  }

  /**
   * The app's own modules only: a package's declarations (Lucid's included) add nothing the analysis
   * reads, since Lucid is recognised by its import specifier, and would cost seconds per project.
   */
  private resolve(
    specifier: string,
    containingFile: string,
    redirected: TS.ResolvedProjectReference | undefined,
    options: TS.CompilerOptions,
    mode: TS.ResolutionMode,
  ): TS.ResolvedModuleWithFailedLookupLocations {
    // TypeScript's cache answers too, but after building its keys: every file of a folder imports
    // the same packages, and this map answers those first (it goes with the cache it mirrors).
    const key = redirected ? undefined : `${path.dirname(containingFile)}\0${specifier}\0${mode}`
    const known = key === undefined ? undefined : this.answers.get(key)
    if (known) return known
    const answer = this.resolveWithTypeScript(specifier, containingFile, redirected, options, mode)
    if (key !== undefined) this.answers.set(key, answer)
    return answer
  }

  private resolveWithTypeScript(
    specifier: string,
    containingFile: string,
    redirected: TS.ResolvedProjectReference | undefined,
    options: TS.CompilerOptions,
    mode: TS.ResolutionMode,
  ): TS.ResolvedModuleWithFailedLookupLocations {
    const ts = this.ts
    const result = ts.resolveModuleName(
      specifier,
      containingFile,
      options,
      ts.sys,
      this.cache,
      redirected,
      mode,
    )
    return result.resolvedModule?.isExternalLibraryImport ? { resolvedModule: undefined } : result
  }

  private fresh(): TS.ModuleResolutionCache {
    return this.ts.createModuleResolutionCache(this.rootDir, (f) => f, this.options)
  }
}
