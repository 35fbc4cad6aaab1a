// The schema an app's migrations build: every `database/migrations/**/*.ts` of the program, applied
// in Lucid's order (file names sorted naturally, as `naturalSort: true` in the app's config does).
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { DatabaseSchema } from '../../../../engine/src/schema'
import type { TsModule } from '../syntax'
import { applyMigrations } from './apply-ops'
import { readDialect } from './dialect'
import { readMigration } from './read-migration'

export const MIGRATIONS_DIR = 'database/migrations'

const cache = new WeakMap<TS.Program, Map<string, DatabaseSchema | null>>()

/**
 * Undefined when the app has no migration extending Lucid's BaseSchema: then there is no schema to
 * check against. Built once per program; each file's operations are cached per SourceFile.
 */
export function migrationSchema(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
): DatabaseSchema | undefined {
  let perRoot = cache.get(program)
  if (!perRoot) cache.set(program, (perRoot = new Map()))
  const cached = perRoot.get(rootDir)
  if (cached !== undefined) return cached ?? undefined
  const schema = build(ts, program, rootDir)
  perRoot.set(rootDir, schema ?? null)
  return schema
}

function build(ts: TsModule, program: TS.Program, rootDir: string): DatabaseSchema | undefined {
  const folder = path.join(rootDir, MIGRATIONS_DIR) + path.sep
  const files = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && path.normalize(f.fileName).startsWith(folder))
    .map((f) =>
      readMigration(ts, f, path.relative(folder, path.normalize(f.fileName)).split(path.sep).join('/')),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
  if (!files.some((f) => f.recognized)) return undefined
  const schema = applyMigrations(files)
  const dialect = readDialect(ts, program, rootDir)
  if (dialect) schema.dialect = dialect
  return schema
}
