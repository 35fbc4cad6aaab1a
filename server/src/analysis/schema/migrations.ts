// The schema an app's migrations build: the migration files of the program under each folder a
// connection names (`migrations.paths`, default `database/migrations`, subfolders included), applied
// in Lucid's order: folder by folder, the files of each sorted by name (naturally with `naturalSort`).
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { DatabaseSchema } from '../../../../engine/src/schema'
import { normalizedPath } from '../normalized-path'
import type { TsModule } from '../syntax'
import { applyMigrations } from './apply-ops'
import { DEFAULT_MIGRATIONS_PATH } from './database-config'
import { readDialect } from './dialect'
import type { MigrationFile } from './migration-ops'
import { readMigration } from './read-migration'

export const MIGRATIONS_DIR = DEFAULT_MIGRATIONS_PATH

export interface MigrationSource {
  /** Folders relative to the app, in the order Lucid reads them. */
  paths: readonly string[]
  naturalSort: boolean
}

const DEFAULT_SOURCE: MigrationSource = { paths: [DEFAULT_MIGRATIONS_PATH], naturalSort: true }

const cache = new WeakMap<TS.Program, Map<string, DatabaseSchema | null>>()

/**
 * Undefined when no migration under the folders extends Lucid's BaseSchema: then there is no schema
 * to check against. Built once per program and source; each file's operations are cached per SourceFile
 * (and per checker for a file that imports names of the app, whose values may change).
 */
export function migrationSchema(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  source: MigrationSource = DEFAULT_SOURCE,
): DatabaseSchema | undefined {
  let perRoot = cache.get(program)
  if (!perRoot) cache.set(program, (perRoot = new Map()))
  const key = JSON.stringify([rootDir, source.paths, source.naturalSort])
  const cached = perRoot.get(key)
  if (cached !== undefined) return cached ?? undefined
  const schema = build(ts, program, rootDir, source)
  perRoot.set(key, schema ?? null)
  return schema
}

function build(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  source: MigrationSource,
): DatabaseSchema | undefined {
  const several = source.paths.length > 1
  const files = source.paths.flatMap((folder) =>
    filesUnder(ts, program, rootDir, folder, source.naturalSort, several),
  )
  if (!files.some((f) => f.recognized)) return undefined
  const schema = applyMigrations(files)
  // Named in messages when it is not the usual folder: `database/migrations/tenant, database/patches`.
  const usual = source.paths.length === 1 && source.paths[0] === DEFAULT_MIGRATIONS_PATH
  if (!usual) schema.file = source.paths.join(', ')
  const dialect = readDialect(ts, program, rootDir)
  if (dialect) schema.dialect = dialect
  return schema
}

function filesUnder(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  folder: string,
  naturalSort: boolean,
  named: boolean,
): MigrationFile[] {
  const prefix = path.join(rootDir, folder) + path.sep
  const checker = program.getTypeChecker()
  // With several folders a migration is named with its folder, as Lucid names it in messages.
  const relative = (f: TS.SourceFile) =>
    (named ? `${folder}/` : '') + path.relative(prefix, normalizedPath(f.fileName)).split(path.sep).join('/')
  const files = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && normalizedPath(f.fileName).startsWith(prefix))
    .map((f) => readMigration(ts, f, relative(f), checker))
  return files.sort((a, b) => compareMigrationNames(a.name, b.name, naturalSort))
}

/** The migration files of one folder, in the order Lucid runs them. */
export function migrationsIn(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  folder: string,
  naturalSort: boolean,
): MigrationFile[] {
  return filesUnder(ts, program, rootDir, folder, naturalSort, false)
}

/** Lucid sorts the paths relative to the folder: `naturalSort` numerically, else by code unit. */
export function compareMigrationNames(a: string, b: string, naturalSort: boolean): number {
  if (naturalSort) return a.localeCompare(b, 'en', { numeric: true })
  return a < b ? -1 : a > b ? 1 : 0
}
