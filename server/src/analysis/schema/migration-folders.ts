// The folders Lucid reads migrations from, whatever the tsconfig includes: `migration:run` lists them
// on disk, so a migration the tsconfig leaves out (a package's `database/`, an `include` of `app/**`
// only) still builds the database. The project adds those files to its program (project.ts).
import * as path from 'node:path'
import type * as TS from 'typescript'
import type { TsModule } from '../syntax'
import { DEFAULT_MIGRATIONS_PATH, readDatabaseConfig } from './database-config'

/**
 * Every folder some connection migrates from, relative to the app; the default folder when the app
 * has no config/database.ts with connections. Unreadable `migrations.paths` and folders outside the
 * app are left out: their schemas are not read (see app-schemas.ts).
 */
export function migrationFolders(ts: TsModule, program: TS.Program, rootDir: string): string[] {
  const config = readDatabaseConfig(ts, program, rootDir)
  if (!config || config.connections.size === 0) return [DEFAULT_MIGRATIONS_PATH]
  const folders = new Set<string>()
  for (const connection of config.connections.values())
    for (const folder of connection.migrationPaths ?? []) if (isAppFolder(folder)) folders.add(folder)
  return [...folders]
}

/** A folder of `migrations.paths` inside the app (relative, not climbing out of it). */
export function isAppFolder(folder: string): boolean {
  return !path.isAbsolute(folder) && folder !== '..' && !folder.startsWith('../')
}
