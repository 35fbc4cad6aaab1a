// The app file a relative or `#` import names, found without touching the disk when the answer is
// certain: the first file TypeScript's `bundler` resolution would try is one of the project's own
// files. That is nearly every import of an app (`./post.js`, `#models/post` through package.json
// `imports`), and TypeScript would stat its way there: on a cold start of a 1,000-model app that
// was a tenth of building the program. tsconfig `paths` are followed too. Anything else (`rootDirs`,
// conditional or array targets, a `paths` substitution with an extension, an extension TypeScript
// maps differently, a dotted name it first tries as `.d.<ext>.ts`, a folder, a file the tsconfig
// leaves out) answers undefined, and TypeScript resolves it as before.
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { TsModule } from '../analysis/syntax'

/** The `imports` field of the nearest package.json above a folder, or null when there is none. */
type ImportsScope = { dir: string; imports: Record<string, unknown> } | null

/** What TypeScript tries first for each specifier extension: `./post.js` is looked up as `./post.ts`. */
const FIRST_TRY: ReadonlyArray<[RegExp, string]> = [
  [/\.js$/, '.ts'],
  [/\.mjs$/, '.mts'],
  [/\.cjs$/, '.cts'],
]

/** Answers kept before the memo starts again (typing import paths adds one per keystroke). */
const MEMO_LIMIT = 20_000

export class DirectImports {
  private readonly scopes = new Map<string, ImportsScope>()
  /** Folder and specifier to the answer; imports of one folder repeat across its files. */
  private readonly memo = new Map<string, TS.ResolvedModuleWithFailedLookupLocations | null>()

  /** Where `paths` substitutions start: `baseUrl`, else the tsconfig that set `paths`. */
  private readonly pathsBase: string

  constructor(
    private readonly ts: TsModule,
    private readonly files: ReadonlySet<string>,
    private readonly options: TS.CompilerOptions,
    rootDir: string,
  ) {
    const fromConfig = (options as { pathsBasePath?: unknown }).pathsBasePath
    this.pathsBase = options.baseUrl ?? (typeof fromConfig === 'string' ? fromConfig : rootDir)
  }

  /** The resolution of `specifier` from `containingFile` when certain, else undefined. */
  resolve(specifier: string, containingFile: string): TS.ResolvedModuleWithFailedLookupLocations | undefined {
    const dir = path.dirname(containingFile)
    const key = `${dir}\0${specifier}`
    let answer = this.memo.get(key)
    if (answer === undefined) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear()
      answer = this.lookUp(specifier, dir) ?? null
      this.memo.set(key, answer)
    }
    return answer ?? undefined
  }

  private lookUp(specifier: string, dir: string): TS.ResolvedModuleWithFailedLookupLocations | undefined {
    // `moduleSuffixes` (`[".ios", ""]`) makes TypeScript try `post.ios.ts` before `post.ts`.
    if (this.options.moduleSuffixes?.some((suffix) => suffix !== '')) return undefined
    const target = this.targetPath(specifier, dir)
    const file = target === undefined ? undefined : firstTry(target.path, target.addsExtension)
    if (file === undefined || !this.files.has(file)) return undefined
    const extension = file.endsWith('.ts')
      ? this.ts.Extension.Ts
      : file.endsWith('.mts')
        ? this.ts.Extension.Mts
        : this.ts.Extension.Cts
    return {
      resolvedModule: {
        resolvedFileName: file,
        extension,
        isExternalLibraryImport: false,
        resolvedUsingTsExtension: false,
      },
    }
  }

  /**
   * The path a specifier points at, before extensions are tried, and whether TypeScript adds one to
   * an extensionless path (not to a package.json `imports` target).
   */
  private targetPath(specifier: string, dir: string): { path: string; addsExtension: boolean } | undefined {
    // Relative as TypeScript sees it: `.` and `..` too. A last segment `.` or `..`, or a trailing
    // slash, names a folder, whose index TypeScript looks for.
    if (/^\.\.?($|[\\/])/.test(specifier)) {
      if (this.options.rootDirs || specifier.includes('\\') || /(^|\/)\.{0,2}$/.test(specifier))
        return undefined
      return { path: path.resolve(dir, specifier), addsExtension: true }
    }
    if (path.isAbsolute(specifier)) return undefined
    // tsconfig `paths` come first for every other name; then `baseUrl`; then package.json `imports`.
    const paths = this.options.paths
    const viaPaths = paths ? mapPaths(paths, specifier, this.pathsBase) : NO_MATCH
    if (viaPaths !== NO_MATCH)
      return viaPaths === undefined ? undefined : { path: viaPaths, addsExtension: true }
    if (
      !specifier.startsWith('#') ||
      this.options.baseUrl ||
      this.options.resolvePackageJsonImports === false
    )
      return undefined
    const scope = this.scope(dir)
    // TypeScript substitutes the `*` in the package's folder too: leave such a folder to it.
    const mapped = scope && !scope.dir.includes('*') ? mapImport(scope.imports, specifier) : undefined
    return scope && mapped !== undefined
      ? { path: path.resolve(scope.dir, mapped), addsExtension: false }
      : undefined
  }

  private scope(dir: string): ImportsScope {
    const known = this.scopes.get(dir)
    if (known !== undefined) return known
    const text = this.ts.sys.readFile(path.join(dir, 'package.json'))
    const parent = path.dirname(dir)
    let scope: ImportsScope
    if (text === undefined) scope = parent === dir ? null : this.scope(parent)
    else scope = readImports(dir, text)
    this.scopes.set(dir, scope)
    return scope
  }
}

function readImports(dir: string, text: string): ImportsScope {
  try {
    const json = JSON.parse(text) as { imports?: unknown }
    const imports = json.imports
    return imports && typeof imports === 'object' && !Array.isArray(imports)
      ? { dir, imports: imports as Record<string, unknown> }
      : null
  } catch {
    return null
  }
}

const NO_MATCH = Symbol('no paths pattern matches')

/**
 * TypeScript's `paths` matching: an exact key, else the `*` pattern with the longest prefix; its first
 * substitution is tried first. Substitutions with an extension are tried as written first (a built
 * `.js` file may exist), so only those without one are followed.
 */
function mapPaths(
  paths: TS.MapLike<string[]>,
  specifier: string,
  base: string,
): string | undefined | typeof NO_MATCH {
  const match = bestMatch(Object.keys(paths), specifier)
  if (!match) return NO_MATCH
  const first = paths[match.key]?.[0]
  // An empty `*` is not substituted by TypeScript (the target keeps its `*`).
  if (first === undefined || path.extname(first) !== '' || match.star === '') return undefined
  const substituted = match.star === undefined ? first : first.replace('*', match.star)
  // A trailing slash names a folder (TypeScript keeps it; path.resolve would drop it).
  return /[\\/]$/.test(substituted) ? undefined : path.resolve(base, substituted)
}

/**
 * Node's `imports` matching: an exact key, else the first key in TypeScript's order (longest prefix,
 * then longest key) that matches, a `*` pattern or a folder key ending in `/`. Only plain string
 * targets of `*` patterns inside the package (`./app/models/*.js`) are followed.
 */
function mapImport(imports: Record<string, unknown>, specifier: string): string | undefined {
  const keys = Object.keys(imports)
  const match: { key: string; star?: string } | undefined = keys.includes(specifier)
    ? { key: specifier }
    : importPattern(keys, specifier)
  const target = match && plainTarget(imports[match.key])
  if (!match || target === undefined) return undefined
  if (match.star === undefined) return target
  const invalid = ['..', '.', '', 'node_modules']
  if (match.star.split(/[\\/]/).some((segment) => invalid.includes(segment))) return undefined
  return target.replaceAll('*', match.star)
}

/**
 * The `*` pattern TypeScript takes for a specifier: keys sorted by prefix (with the `*`; a folder
 * key's is all of it) longest first, a pattern before a folder key of the same length, then the
 * longer key; the first that matches. Undefined when none does, when a folder key does, or when the
 * pattern's prefix and suffix overlap in the specifier (TypeScript matches those, oddly).
 */
function importPattern(keys: string[], specifier: string): { key: string; star: string } | undefined {
  let best: StarPattern | undefined
  let folder = ''
  for (const key of keys) {
    if (!key.includes('*')) {
      if (key.endsWith('/') && specifier.startsWith(key) && key.length > folder.length) folder = key
      continue
    }
    const pattern = starPattern(key)
    if (!pattern || !specifier.startsWith(pattern.prefix) || !specifier.endsWith(pattern.suffix)) continue
    const longer = !best || pattern.prefix.length > best.prefix.length
    if (longer || (pattern.prefix.length === best?.prefix.length && key.length > best.key.length))
      best = pattern
  }
  if (!best || folder.length > best.prefix.length + 1 || specifier.length < best.key.length - 1)
    return undefined
  return { key: best.key, star: starText(best, specifier) }
}

/** The key a specifier matches: itself, else the one-`*` pattern with the longest prefix. */
function bestMatch(keys: string[], specifier: string): { key: string; star?: string } | undefined {
  if (keys.includes(specifier)) return { key: specifier }
  let best: StarPattern | undefined
  for (const key of keys) {
    const pattern = starPattern(key)
    if (!pattern || specifier.length < key.length - 1) continue
    if (!specifier.startsWith(pattern.prefix) || !specifier.endsWith(pattern.suffix)) continue
    if (!best || pattern.prefix.length > best.prefix.length) best = pattern
  }
  return best && { key: best.key, star: starText(best, specifier) }
}

interface StarPattern {
  key: string
  prefix: string
  suffix: string
}

/** A key with one `*`, split around it; undefined for a key with none or several. */
function starPattern(key: string): StarPattern | undefined {
  const star = key.indexOf('*')
  if (star < 0 || key.indexOf('*', star + 1) >= 0) return undefined
  return { key, prefix: key.slice(0, star), suffix: key.slice(star + 1) }
}

/** What the `*` of a matching pattern stands for in the specifier. */
function starText(pattern: StarPattern, specifier: string): string {
  return specifier.slice(pattern.prefix.length, specifier.length - pattern.suffix.length)
}

/** A target TypeScript accepts: inside the package, no `.`, `..` or node_modules segment after `./`. */
function plainTarget(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('./')) return undefined
  const segments = value.slice(2).split('/')
  return segments.some((s) => s === '..' || s === '.' || s === 'node_modules') ? undefined : value
}

/**
 * The first file TypeScript tries for a target path, when it is a TypeScript source file. A name
 * without a dot gets `.ts` (not an `imports` target: TypeScript adds no extension to those); any
 * other dotted name (`post.model`) is tried as `post.d.model.ts` first, which only the disk knows.
 */
function firstTry(target: string, addsExtension: boolean): string | undefined {
  for (const [pattern, extension] of FIRST_TRY)
    if (pattern.test(target)) return target.replace(pattern, extension)
  return addsExtension && !path.basename(target).includes('.') ? `${target}.ts` : undefined
}
