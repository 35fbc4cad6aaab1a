// `lucidLens/refreshSchema`: read the development databases again now (after a migration the server
// could not see, or to retry one that was down) and say what each app's schema checks use. A
// changed schema refreshes diagnostics through the live schema itself; this only waits for it.
import type { DatabaseSchema } from '../../../engine/src/schema'
import type { Project } from '../project/project'
import {
  REFRESH_SCHEMA_REQUEST,
  type AppSchemaStatus,
  type RefreshSchemaParams,
  type RefreshSchemaResult,
} from '../protocol'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { uriToPath } from './uri'

export const databaseSchemaFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    context.connection.onRequest(
      REFRESH_SCHEMA_REQUEST,
      guard(
        context.connection,
        'refresh schema',
        async (params: RefreshSchemaParams | undefined): Promise<RefreshSchemaResult> => {
          await context.settingsReady
          const projects = projectsFor(context, params?.uri)
          await Promise.all(projects.map((project) => project.database?.refresh?.()))
          return { apps: projects.map((project) => status(context, project)) }
        },
        (): RefreshSchemaResult => ({ apps: [] }),
      ),
    )
  },
}

function projectsFor(context: ServerContext, uri: string | undefined): Project[] {
  if (uri === undefined) return context.projects.allProjects()
  const fileName = uriToPath(uri)
  const project = fileName ? context.projects.projectFor(fileName) : undefined
  return project ? [project] : []
}

function status(context: ServerContext, project: Project): AppSchemaStatus {
  const settings = context.settings()
  const described = project.database?.describe?.() ?? {}
  let schema: DatabaseSchema | undefined
  let notes: string[] = []
  let problem = described.problem
  if (!settings.schemaChecks.enable) problem = 'lucidLens.schemaChecks.enable is off'
  else {
    schema = project.schema()
    notes = project.schemaNotes()
    if (!project.database && settings.database.enable === false) problem = 'lucidLens.database.enable is off'
  }
  return {
    root: project.rootDir,
    source: schema?.source ?? 'none',
    ...(described.label !== undefined ? { label: described.label } : {}),
    tables: schema?.tables.size ?? 0,
    ...(problem !== undefined ? { problem } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  }
}
