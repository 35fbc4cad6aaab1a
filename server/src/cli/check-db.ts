// `lucid-lens check --db [FILE|URL]`: each app's schema is read from its development database (the one
// --db names, or the one config/database.ts and .env name) before the check, instead of its
// migrations. A database that cannot be read stops the check (exit 2): silently falling back to the
// migrations would report on a schema the user did not ask for.
import ts from 'typescript'
import { introspectDatabase } from '../../../engine/src/introspect'
import { PreviewError } from '../../../engine/src/query/errors'
import type { DatabaseSchema } from '../../../engine/src/schema'
import { targetLabel } from '../database/schema-target'
import type { LiveSchemaFactory } from '../project/live-schema-source'
import { ProjectService } from '../project/project-service'
import { databaseProblem, resolveTarget, type PreviewTarget, type TargetOptions } from './preview-target'
import { warnLine } from './warn'

/** Reads the database of every app under `dir` (each distinct database once). */
export async function readDatabaseSchemas(dir: string, options: TargetOptions): Promise<LiveSchemaFactory> {
  const schemas = new Map<string, DatabaseSchema>()
  const read = new Map<string, DatabaseSchema>()
  for (const project of new ProjectService(ts, { log: warnLine }).discover(dir)) {
    const root = project.rootDir
    const target = resolveTarget(options, root)
    const key = identity(target)
    let schema = read.get(key)
    if (!schema) {
      try {
        schema = await introspectDatabase(target)
      } catch (error) {
        throw error instanceof PreviewError ? databaseProblem(error) : error
      }
      read.set(key, schema)
    }
    // The same database reads as `sqlite tmp/db.sqlite3` from inside each app.
    schemas.set(root, { ...schema, label: targetLabel(target, root) })
  }
  return (project) => {
    const schema = schemas.get(project.rootDir)
    return schema && { current: () => schema }
  }
}

function identity(target: PreviewTarget): string {
  if (target.kind === 'sqlite') return `sqlite:${target.file}`
  const { host, port, user, database } = target.connection
  return `${target.kind}:${user}@${host}:${port ?? ''}/${database}`
}
