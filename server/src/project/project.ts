// One Adonis app = one tsconfig = one LanguageService. Script versions come from open documents or
// from counters bumped by file-watch events, so a request never stats the whole project.
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { LucidGeneration } from '../../../engine/src/model-graph'
import type { DatabaseSchema } from '../../../engine/src/schema'
import {
  analyzeFile,
  appSchemas,
  generationOf,
  ModelIndex,
  isPartialSchema,
  schemaForModel,
  schemaNotes,
  type AppSchemas,
  type Finding,
  type LucidModel,
} from '../analysis'
import type { TsModule } from '../analysis/syntax'
import { normalizedPath } from '../analysis/normalized-path'
import type { DocumentOverlay } from './document-overlay'
import type { LiveSchemaSource } from './live-schema-source'
import { MigrationFiles } from './migration-files'
import { ModuleResolver } from './module-resolver'
import { SnapshotStore } from './snapshots'

/** Whether findings compare models with the schema, and which schema codes are turned off. */
export interface SchemaCheckOptions {
  enable: boolean
  disabled: readonly string[]
}

export const DEFAULT_SCHEMA_CHECKS: SchemaCheckOptions = { enable: true, disabled: [] }

export class Project {
  readonly rootDir: string
  private parsed!: TS.ParsedCommandLine
  private fileNames = new Set<string>()
  /** Bumped whenever the tsconfig is re-read (files created or deleted). */
  private configEpoch = 0
  private readonly migrations: MigrationFiles
  private readonly fileVersions = new Map<string, number>()
  private version = 0
  private readonly service: TS.LanguageService
  private indexCache?: { program: TS.Program; index: ModelIndex }
  /** The program last built and the project version it was built for. */
  private lastBuilt?: { version: number; program: TS.Program }
  private readonly snapshots: SnapshotStore
  private resolver!: ModuleResolver
  private resolutionsInvalidated = false
  readonly generation: LucidGeneration
  /** Told once when a file cannot be analysed, and once when it can be again. */
  log: (line: string) => void = () => undefined
  /** Why that generation: the package.json dependency that decided it; undefined when assumed. */
  readonly generationSource?: string
  /** Set by the ProjectService from the settings; read on every findings request. */
  schemaChecks: SchemaCheckOptions = DEFAULT_SCHEMA_CHECKS
  /** Off-by-default codes a severity setting turns on (set by the ProjectService); none by default. */
  hints: readonly string[] = []
  /** The live development database, when the settings allow reading it (set by the ProjectService). */
  database: LiveSchemaSource | undefined
  /** Where to say, once each, what the schema checks could not check (set by the ProjectService). */
  logSchemaNote: ((line: string) => void) | undefined
  private schemasCache?: { program: TS.Program; live?: DatabaseSchema; version: number; schemas: AppSchemas }
  private readonly loggedNotes = new Set<string>()

  constructor(
    private readonly ts: TsModule,
    readonly configPath: string,
    private readonly overlay: DocumentOverlay,
    registry: TS.DocumentRegistry,
    generationOverride?: LucidGeneration,
  ) {
    this.rootDir = path.dirname(configPath)
    this.snapshots = new SnapshotStore(ts, () => this.log)
    this.migrations = new MigrationFiles(ts, this.rootDir)
    const detected = generationOverride
      ? { generation: generationOverride }
      : generationOf(readPackageJson(ts, this.rootDir))
    this.generation = detected.generation
    this.generationSource = detected.source
    this.reloadConfig()
    this.service = ts.createLanguageService(this.host(), registry)
  }

  /** Re-reads tsconfig.json: after files are created or deleted, or the config itself changes. */
  reloadConfig(): void {
    const ts = this.ts
    const read = ts.readConfigFile(this.configPath, ts.sys.readFile)
    const parsed = ts.parseJsonConfigFileContent(
      read.config ?? {},
      ts.sys,
      this.rootDir,
      undefined,
      this.configPath,
    )
    parsed.options = withAdonisDefaults(ts, parsed)
    this.parsed = parsed
    this.fileNames = new Set(parsed.fileNames.map((f) => path.normalize(f)))
    // Files appeared or vanished: earlier failed or successful resolutions may be stale.
    this.resolver = new ModuleResolver(ts, this.rootDir, parsed.options, this.fileNames)
    this.resolutionsInvalidated = true
    this.configEpoch++
    this.version++
  }

  /** In the tsconfig, or a migration the app runs that the tsconfig leaves out. */
  contains(fileName: string): boolean {
    const key = normalizedPath(fileName)
    if (this.fileNames.has(key)) return true
    // Which migrations are outside the tsconfig is known once the program has read config/database.ts.
    this.program()
    return this.migrations.has(key)
  }

  /** Call when a file of this project changed on disk or in the editor. */
  touch(fileName?: string): void {
    if (fileName) this.fileVersions.set(fileName, (this.fileVersions.get(fileName) ?? 0) + 1)
    this.version++
  }

  get projectVersion(): number {
    return this.version
  }

  program(): TS.Program {
    // Asked several times per request: an unchanged project version means the same program.
    if (this.lastBuilt?.version === this.version) return this.lastBuilt.program
    let program: TS.Program | undefined
    try {
      program = this.service.getProgram()
    } catch (error) {
      // Code nested too deeply in a way the bracket scan does not see (`!!!!...`, `a < a < ...`).
      if (!(error instanceof RangeError) || !this.snapshots.setAsideUnparsable()) throw error
      this.version++
      program = this.service.getProgram()
    }
    if (program && this.snapshots.setAsideDeep(program)) {
      this.version++
      program = this.service.getProgram()
    }
    if (!program) throw new Error(`TypeScript could not build a program for ${this.configPath}`)
    // Lucid runs every migration of its folders: those the tsconfig leaves out join the program.
    if (this.migrations.refresh(program, this.configEpoch, this.fileNames)) {
      this.version++
      program = this.service.getProgram() ?? program
    }
    this.snapshots.built()
    this.resolutionsInvalidated = false
    this.lastBuilt = { version: this.version, program }
    return program
  }

  /** The model index of the current program; rebuilt lazily when the program changes. */
  index(): ModelIndex {
    const program = this.program()
    if (this.indexCache?.program !== program)
      this.indexCache = { program, index: new ModelIndex(this.ts, program, this.generation) }
    return this.indexCache.index
  }

  /** Why the file cannot be analysed in its current version, if it cannot. */
  unreadableReason(fileName: string): string | undefined {
    this.program()
    return this.snapshots.unreadableReason(normalizedPath(fileName))
  }

  findings(fileName: string): Finding[] {
    if (this.unreadableReason(fileName)) return []
    const index = this.index()
    const file = index.program.getSourceFile(fileName)
    if (!file) return []
    const schemas = this.schemas()
    if (schemas) this.logNotes(index, schemas)
    return analyzeFile(index, file, {
      ...(schemas ? { schemas } : {}),
      disabledSchemaCodes: this.schemaChecks.disabled,
      hints: this.hints,
    })
  }

  /**
   * The schemas models are checked against, per connection, when schema checks are on: the live
   * development database when it has been read (it is what Lucid queries), else database/schema.ts,
   * else the migrations (see analysis/schema/app-schemas.ts). Never waits for a database: the first
   * call only starts reading it.
   */
  schemas(): AppSchemas | undefined {
    if (!this.schemaChecks.enable) return undefined
    const program = this.program()
    const live = this.database?.current()
    const cached = this.schemasCache
    if (cached?.program === program && cached.live === live && cached.version === this.version)
      return cached.schemas
    const readFile = (f: string) => this.overlay.get(f)?.text ?? this.ts.sys.readFile(f)
    const schemas = appSchemas(this.ts, program, this.rootDir, { ...(live ? { live } : {}), readFile })
    this.schemasCache = { program, ...(live ? { live } : {}), version: this.version, schemas }
    return schemas
  }

  /** The schema of the default connection: what status, hovers and the CLI summary describe. */
  schema(): DatabaseSchema | undefined {
    const schemas = this.schemas()
    return schemas?.defaultSchema ?? schemas?.connections.values().next().value
  }

  /** The schema a model is checked against: its connection's (see analysis/schema/app-schemas.ts). */
  schemaFor(model: LucidModel): DatabaseSchema | undefined {
    const schemas = this.schemas()
    return schemas ? schemaForModel(this.index(), schemas, model) : undefined
  }

  /** Whether the migrations behind a schema evidently describe only part of the database. */
  schemaIsPartial(schema: DatabaseSchema): boolean {
    const schemas = this.schemas()
    return schemas ? isPartialSchema(this.index(), schemas, schema) : false
  }

  /** What the schema checks of this app could not check, and why. */
  schemaNotes(): string[] {
    const schemas = this.schemas()
    return schemas ? schemaNotes(this.index(), schemas) : []
  }

  private logNotes(index: ModelIndex, schemas: AppSchemas): void {
    if (!this.logSchemaNote) return
    for (const note of schemaNotes(index, schemas)) {
      if (this.loggedNotes.has(note)) continue
      this.loggedNotes.add(note)
      this.logSchemaNote(`Lucid Lens: ${path.basename(this.rootDir)}: ${note}`)
    }
  }

  /** Every own (non-declaration) file of the program. */
  sourceFiles(): TS.SourceFile[] {
    return this.program()
      .getSourceFiles()
      .filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'))
  }

  dispose(): void {
    this.database?.dispose?.()
    this.service.dispose()
  }

  private host(): CachingHost {
    const ts = this.ts
    return {
      getProjectVersion: () => String(this.version),
      getCompilationSettings: () => this.parsed.options,
      getScriptFileNames: () => {
        const names = [...this.fileNames, ...this.migrations.outsideConfig]
        for (const open of this.overlay.fileNames())
          if (
            open.startsWith(this.rootDir + path.sep) &&
            !this.fileNames.has(open) &&
            !this.migrations.has(open) &&
            /\.tsx?$/.test(open)
          )
            names.push(open)
        return names
      },
      getScriptVersion: (f) => {
        const key = normalizedPath(f)
        return this.snapshots.scriptVersion(key, this.textVersion(key))
      },
      getScriptSnapshot: (f) => this.snapshot(f),
      resolveModuleNameLiterals: (literals, containingFile, redirected, options, containingSourceFile) =>
        this.resolver.resolveAll(literals, containingFile, redirected, options, containingSourceFile),
      getModuleResolutionCache: () => this.resolver.resolutionCache,
      hasInvalidatedResolutions: () => this.resolutionsInvalidated,
      jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
      getCurrentDirectory: () => this.rootDir,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (f) => this.overlay.get(f) !== undefined || ts.sys.fileExists(f),
      readFile: (f, encoding) => this.overlay.get(f)?.text ?? ts.sys.readFile(f, encoding),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    }
  }

  private snapshot(fileName: string): TS.IScriptSnapshot | undefined {
    const key = normalizedPath(fileName)
    return this.snapshots.get(
      key,
      this.textVersion(key),
      () => this.overlay.get(key)?.text ?? this.ts.sys.readFile(key),
    )
  }

  /** The version of a file's text: its editor revision when open, else its count of disk events. */
  private textVersion(key: string): string {
    const doc = this.overlay.get(key)
    return doc ? `o${doc.revision}` : `d${this.fileVersions.get(key) ?? 0}`
  }
}

/** Members the LanguageService reads from its host at runtime but does not declare on the type. */
type CachingHost = TS.LanguageServiceHost &
  Pick<TS.CompilerHost, 'getModuleResolutionCache' | 'hasInvalidatedResolutions'>

/**
 * The options the analysis program runs with. Only symbols are resolved, never types, so the default
 * libraries and @types are left out. Resolution is always `bundler`: for the app's own files it
 * accepts everything NodeNext and node10 accept (`#models/*` imports, tsconfig `paths`, `.js` that
 * maps to `.ts`, extensionless paths), and unlike NodeNext it does not look up each file's module
 * format in package.json on every program update. It also covers v6 apps whose tsconfig extends
 * `@adonisjs/tsconfig`, which is missing before `npm install`.
 */
export function withAdonisDefaults(ts: TsModule, parsed: TS.ParsedCommandLine): TS.CompilerOptions {
  return {
    ...parsed.options,
    noEmit: true,
    noLib: true,
    types: [],
    allowJs: false,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: parsed.options.experimentalDecorators ?? true,
  }
}

function readPackageJson(ts: TsModule, dir: string): Record<string, never> | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const text = ts.sys.readFile(path.join(current, 'package.json'))
    if (text !== undefined) {
      try {
        return JSON.parse(text)
      } catch {
        return undefined
      }
    }
    if (path.dirname(current) === current) return undefined
  }
}
