// What a preview shows when there is no database to run on (none configured, unreachable, turned
// off), in the editor and on the command line alike: the SQL Lucid would send, compiled by the
// engine for the app's dialect with placeholders for values read from rows, and why nothing ran.
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { sketchPlan, type Sketch, type SketchDialect } from '../../../engine/src/sketch'
import { discoverDatabase } from '../database/discover'
import { NO_DATABASE_CODES } from '../protocol'
import { problemOf, type PreviewHints } from './preview-problem'

export interface SqlDialect {
  dialect: SketchDialect
  /** `PostgreSQL`, or `SQLite (assumed)` when nothing names the database. */
  name: string
}

const BY_KIND: Record<IntrospectionTarget['kind'], SqlDialect> = {
  sqlite: { dialect: 'better-sqlite3', name: 'SQLite' },
  pg: { dialect: 'pg', name: 'PostgreSQL' },
  mysql: { dialect: 'mysql2', name: 'MySQL' },
}

export function dialectOfKind(kind: IntrospectionTarget['kind']): SqlDialect {
  return BY_KIND[kind]
}

/**
 * The dialect of the database the app names (config/database.ts, or the connection setting), even
 * when it cannot be reached; SQLite, Lucid's starter default, when nothing names one.
 */
export function appDialect(
  rootDir: string,
  connection: 'auto' | IntrospectionTarget['kind'] = 'auto',
): SqlDialect {
  if (connection !== 'auto') return BY_KIND[connection]
  try {
    return BY_KIND[discoverDatabase(rootDir).client]
  } catch {
    return { dialect: 'better-sqlite3', name: 'SQLite (assumed: no database is configured)' }
  }
}

/** Whether a problem means there is no database to run on, rather than a problem of the code. */
export function isNoDatabase(code: string | undefined): boolean {
  return code !== undefined && NO_DATABASE_CODES.includes(code)
}

/** The statements and warnings; a plan Lucid rejects fails with the PreviewProblem a run would give. */
export async function sqlOnly(
  graph: ModelGraph,
  plan: QueryPlan,
  dialect: SqlDialect,
  hints: PreviewHints,
): Promise<Sketch> {
  try {
    return await sketchPlan(graph, plan, dialect.dialect)
  } catch (error) {
    throw problemOf(error, hints)
  }
}
