// Where `node ace make:migration` puts a new migration for a model's connection: the one folder of
// its `migrations.paths` (Lucid asks which when there are several: then there is no answer), and
// only when migrations the app runs already live there, so the app evidently migrates from it.
import type * as TS from 'typescript'
import { connectionOf } from '../model-connection'
import type { LucidModel } from '../lucid-model'
import type { ModelIndex } from '../model-index'
import { DEFAULT_MIGRATIONS_PATH, readDatabaseConfig, type ConnectionConfig } from './database-config'
import { isAppFolder } from './migration-folders'
import { compareMigrationNames, migrationsIn } from './migrations'

export interface MigrationFolder {
  /** Relative to the app, with forward slashes: `database/migrations`. */
  folder: string
  /** The last migration Lucid runs from it: a new one copies its formatting. */
  latest: TS.SourceFile
  /** Whether a new file of the folder would run after every file already there. */
  runsLast(fileName: string): boolean
}

export function migrationFolder(
  index: ModelIndex,
  rootDir: string,
  model: LucidModel,
): MigrationFolder | undefined {
  const { ts, program } = index
  const connection = connectionOf(index, model)
  if (connection === null) return undefined
  const config = readDatabaseConfig(ts, program, rootDir)
  let source: Pick<ConnectionConfig, 'migrationPaths' | 'naturalSort'> | undefined
  if (!config || config.connections.size === 0)
    source = { migrationPaths: [DEFAULT_MIGRATIONS_PATH], naturalSort: false }
  else {
    const name = connection ?? config.defaultConnection
    if (name !== undefined) source = config.connections.get(name)
    else {
      // An unreadable default connection: certain only when every connection migrates the same way.
      const all = [...config.connections.values()]
      const same = new Set(all.map((c) => JSON.stringify([c.migrationPaths, c.naturalSort])))
      source = same.size === 1 ? all[0] : undefined
    }
  }
  const paths = source?.migrationPaths
  const folder = paths?.length === 1 ? paths[0] : undefined
  if (!source || folder === undefined || !isAppFolder(folder)) return undefined
  // Every file of the folder, recognized or not: Lucid runs them all.
  const all = migrationsIn(ts, program, rootDir, folder, source.naturalSort)
  const last = all.filter((f) => f.recognized).at(-1)
  const latest = last && program.getSourceFile(last.fileName)
  if (!last || !latest) return undefined
  const names = all.map((f) => f.name)
  const naturalSort = source.naturalSort
  return {
    folder,
    latest,
    runsLast: (fileName) => names.every((name) => compareMigrationNames(name, fileName, naturalSort) < 0),
  }
}
