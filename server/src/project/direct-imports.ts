// The app file a relative or `#` import names, found without touching the disk when the answer is
// certain: the first file TypeScript's `bundler` resolution would try is one of the project's own
// files. That is nearly every import of an app (`./post.js`, `#models/post` through package.json
// `imports`), and TypeScript would stat its way there: on a cold start of a 1,000-model app that
// was a tenth of building the program. Anything else (tsconfig `paths` or `rootDirs`, conditional
// or array targets, an extension TypeScript maps differently, a file the tsconfig leaves out)
// answers undefined, and TypeScript resolves it as before.
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
    const target = this.targetPath(specifier, dir)
    const file = target === undefined ? undefined : firstTry(target)
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

  /** The path a specifier points at, before extensions are tried. */
  private targetPath(specifier: string, dir: string): string | undefined {
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      return this.options.rootDirs ? undefined : path.resolve(dir, specifier)
    }
    if (path.isAbsolute(specifier)) return undefined
    // tsconfig `paths` come first for every other name; then `baseUrl`; then package.json `imports`.
    const paths = this.options.paths
    const viaPaths = paths ? mapPaths(paths, specifier, this.pathsBase) : NO_MATCH
    if (viaPaths !== NO_MATCH) return viaPaths
    if (
      !specifier.startsWith('#') ||
      this.options.baseUrl ||
      this.options.resolvePackageJsonImports === false
    )
      return undefined
    const scope = this.scope(dir)
    const mapped = scope ? mapImport(scope.imports, specifier) : undefined
    return scope && mapped !== undefined ? path.resolve(scope.dir, mapped) : undefined
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
  if (first === undefined || path.extname(first) !== '') return undefined
  const substituted = match.star === undefined ? first : first.replace('*', match.star)
  return path.resolve(base, substituted)
}

/**
 * Node's `imports` matching: an exact key, else the `*` pattern with the longest prefix. Only plain
 * string targets inside the package (`./app/models/*.js`) are followed.
 */
function mapImport(imports: Record<string, unknown>, specifier: string): string | undefined {
  const match = bestMatch(Object.keys(imports), specifier)
  const target = match && plainTarget(imports[match.key])
  if (!match || target === undefined) return undefined
  if (match.star === undefined) return target
  if (match.star.split(/[\\/]/).some((segment) => segment === '..' || segment === '.' || segment === ''))
    return undefined
  return target.replaceAll('*', match.star)
}

/** The key a specifier matches: itself, else the one-`*` pattern with the longest prefix. */
function bestMatch(keys: string[], specifier: string): { key: string; star?: string } | undefined {
  if (keys.includes(specifier)) return { key: specifier }
  let best: { key: string; prefix: string; suffix: string } | undefined
  for (const key of keys) {
    const star = key.indexOf('*')
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue
    const prefix = key.slice(0, star)
    const suffix = key.slice(star + 1)
    if (specifier.length < key.length - 1 || !specifier.startsWith(prefix) || !specifier.endsWith(suffix))
      continue
    if (!best || prefix.length > best.prefix.length) best = { key, prefix, suffix }
  }
  if (!best) return undefined
  return { key: best.key, star: specifier.slice(best.prefix.length, specifier.length - best.suffix.length) }
}

function plainTarget(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('./')) return undefined
  const segments = value.slice(2).split('/')
  return segments.some((s) => s === '..' || s === 'node_modules') ? undefined : value
}

/** The first file TypeScript tries for a target path, when it is a TypeScript source file. */
function firstTry(target: string): string | undefined {
  for (const [pattern, extension] of FIRST_TRY)
    if (pattern.test(target)) return target.replace(pattern, extension)
  // No extension (or one TypeScript appends to, `./post.model`): `.ts` is tried first.
  const ext = path.extname(target)
  if (ext === '' || !/^\.[cm]?[jt]sx?$|^\.json$|^\.d$/.test(ext)) return `${target}.ts`
  return undefined
}
