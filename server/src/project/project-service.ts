// Finds the project (tsconfig) of each file, creates projects on demand and routes file events.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { LucidGeneration } from '../../../engine/src/model-graph'
import type { TsModule } from '../analysis/syntax'
import { isAdonisApp, isAppConfig } from './app-root'
import { DocumentOverlay } from './document-overlay'
import type { LiveSchemaFactory } from './live-schema-source'
import { DEFAULT_SCHEMA_CHECKS, Project, type SchemaCheckOptions } from './project'

export interface ProjectServiceOptions {
  generationOverride?: LucidGeneration
  /** Schema checks are on by default (when an app has migrations). */
  schemaChecks?: SchemaCheckOptions
  /** Off-by-default codes (LL503) to compute: those a severity setting turns on. */
  hints?: readonly string[]
  /** Each project's live database schema source; none (the default): migrations only. */
  liveSchemas?: LiveSchemaFactory
  /** Where projects say which files they cannot analyse (and when they can again). */
  log?: (line: string) => void
  /** Where projects say what their schema checks could not check (once per sentence). */
  logSchemaNote?: (line: string) => void
}

export class ProjectService {
  readonly overlay = new DocumentOverlay()
  private readonly projects = new Map<string, Project>()
  /** Whether each tsconfig seen is an app's (see app-root.ts); cleared when package.json changes. */
  private readonly appConfigs = new Map<string, boolean>()
  private readonly registry: TS.DocumentRegistry

  constructor(
    private readonly ts: TsModule,
    private options: ProjectServiceOptions = {},
  ) {
    this.registry = ts.createDocumentRegistry(
      ts.sys.useCaseSensitiveFileNames,
      '',
      ts.JSDocParsingMode.ParseNone,
    )
  }

  /** The project whose tsconfig includes the file, or undefined for files outside any app. */
  projectFor(fileName: string): Project | undefined {
    const config = this.ts.findConfigFile(path.dirname(fileName), this.ts.sys.fileExists, 'tsconfig.json')
    if (!config || !this.isApp(config)) return undefined
    const project = this.projectAt(config)
    return project.contains(fileName) || this.overlay.get(fileName) ? project : undefined
  }

  projectAt(configPath: string): Project {
    const key = path.normalize(configPath)
    let project = this.projects.get(key)
    if (!project) {
      project = new Project(this.ts, key, this.overlay, this.registry, this.options.generationOverride)
      project.schemaChecks = this.options.schemaChecks ?? DEFAULT_SCHEMA_CHECKS
      project.hints = this.options.hints ?? []
      if (this.options.log) project.log = this.options.log
      project.database = this.options.liveSchemas?.(project)
      project.logSchemaNote = this.options.logSchemaNote
      this.projects.set(key, project)
    }
    return project
  }

  /**
   * Every app under a folder, for workspace-wide checks: each AdonisJS app's tsconfig.json; when
   * there is none, each tsconfig.json no AdonisJS app encloses.
   */
  discover(folder: string): Project[] {
    const configs = findConfigs(path.resolve(folder))
    const apps = configs.filter((config) => isAdonisApp(path.dirname(config)))
    const chosen = apps.length > 0 ? apps : configs.filter((config) => this.isApp(config))
    return chosen.map((config) => this.projectAt(config))
  }

  private isApp(configPath: string): boolean {
    let known = this.appConfigs.get(configPath)
    if (known === undefined) {
      known = isAppConfig(configPath)
      this.appConfigs.set(configPath, known)
    }
    return known
  }

  allProjects(): Project[] {
    return [...this.projects.values()]
  }

  openDocument(fileName: string, text: string, version: number): void {
    this.overlay.set(fileName, text, version)
    this.touch(fileName)
  }

  closeDocument(fileName: string): void {
    this.overlay.delete(fileName)
    this.touch(fileName)
  }

  /** A file was created, changed or deleted on disk. */
  fileEvent(fileName: string, kind: 'created' | 'changed' | 'deleted'): void {
    const base = path.basename(fileName)
    for (const project of this.projects.values()) {
      if (!fileName.startsWith(project.rootDir + path.sep)) continue
      if (kind !== 'changed' || base === 'tsconfig.json') project.reloadConfig()
      project.touch(fileName)
      // config/database.ts may now name another database.
      project.database?.fileChanged?.(fileName)
    }
    if (base === 'package.json') this.reset(this.options)
    else if (/^\.?adonisrc\.(ts|js|json)$/.test(base)) this.appConfigs.clear()
  }

  /** Schema settings only change which findings are reported: the projects are kept. */
  setSchemaChecks(schemaChecks: SchemaCheckOptions): void {
    this.options = { ...this.options, schemaChecks }
    for (const project of this.projects.values()) project.schemaChecks = schemaChecks
  }

  /** Which off-by-default codes are computed; like the schema settings, the projects are kept. */
  setHints(hints: readonly string[]): void {
    this.options = { ...this.options, hints }
    for (const project of this.projects.values()) project.hints = hints
  }

  /** A SQLite database file (or config/.env) changed: only the live schemas look at it. */
  databaseFileEvent(fileName: string): void {
    for (const project of this.projects.values()) project.database?.fileChanged?.(fileName)
  }

  /** The database settings changed: every project gets a new live schema source (or none). */
  setLiveSchemas(liveSchemas: LiveSchemaFactory | undefined): void {
    this.options = { ...this.options, liveSchemas }
    for (const project of this.projects.values()) {
      project.database?.dispose?.()
      project.database = liveSchemas?.(project)
      project.touch()
    }
  }

  /** Drops every project, e.g. after a settings change that affects how they are analysed. */
  reset(options: ProjectServiceOptions): void {
    this.options = options
    this.appConfigs.clear()
    for (const project of this.projects.values()) project.dispose()
    this.projects.clear()
  }

  private touch(fileName: string): void {
    for (const project of this.projects.values()) {
      if (fileName.startsWith(project.rootDir + path.sep)) project.touch(fileName)
    }
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'build', 'dist', 'out', 'tmp'])

function findConfigs(folder: string, depth = 0): string[] {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
  const out: string[] = []
  if (entries.some((e) => e.isFile() && e.name === 'tsconfig.json'))
    out.push(path.join(folder, 'tsconfig.json'))
  if (depth >= 6) return out
  for (const entry of entries) {
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
      out.push(...findConfigs(path.join(folder, entry.name), depth + 1))
    }
  }
  return out
}
