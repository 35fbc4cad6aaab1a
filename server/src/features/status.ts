// `lucidLens/status` (server → client): each app's models, relations and development database, for
// the status bar. Sent once the settings are known and again, coalesced, whenever analysis or a live
// schema may have changed; a status equal to the last one sent is not sent again.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ownModels, relationCount, type ModelIndex } from '../analysis'
import type { Project } from '../project/project'
import type { LiveSchemaSource } from '../project/live-schema-source'
import { STATUS_NOTIFICATION, type AppStatus, type StatusParams } from '../protocol'
import { describeError } from './boundary'
import type { Feature, ServerContext } from './context'
import { knownApps } from './known-apps'

/** Long enough to coalesce a burst of keystrokes, short enough to feel immediate. */
const STATUS_DELAY_MS = 200
const OFF_REASON = 'lucidLens.database.enable is off or the workspace is not trusted'

export const statusFeature: Feature = {
  capabilities() {
    return {}
  },
  register(context) {
    const { connection } = context
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> | undefined
    let again = false
    let last: string | undefined
    // One computation at a time, so statuses go out in order; a change during one runs one more.
    const flush = (): void => {
      timer = undefined
      again = true
      running ??= (async () => {
        try {
          while (again) {
            again = false
            const params = await statusOf(context)
            const text = JSON.stringify(params)
            if (text === last) continue
            last = text
            await connection.sendNotification(STATUS_NOTIFICATION, params)
          }
        } catch (error) {
          connection.console.error(`Lucid Lens: status failed: ${describeError(error)}`)
        } finally {
          running = undefined
        }
      })()
    }
    const schedule = (): void => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(flush, STATUS_DELAY_MS)
    }
    context.onInvalidate(schedule)
    void context.settingsReady.then(schedule)
  },
}

async function statusOf(context: ServerContext): Promise<StatusParams> {
  await context.settingsReady
  const projects = await knownApps(context)
  await Promise.all(projects.map((project) => firstRead(project.database)))
  return { apps: projects.map((project) => appStatus(context, project)) }
}

const firstReads = new WeakMap<LiveSchemaSource, Promise<void>>()

/**
 * A first read that fails changes no schema, so nothing invalidates when it ends: the status waits
 * for it itself (once per source), or it would show a database that is never read.
 */
function firstRead(source: LiveSchemaSource | undefined): Promise<void> {
  if (!source?.refresh || source.current() || source.describe?.().problem !== undefined)
    return Promise.resolve()
  let read = firstReads.get(source)
  if (!read) {
    read = source.refresh()
    firstReads.set(source, read)
  }
  return read
}

function appStatus(context: ServerContext, project: Project): AppStatus {
  const { models, relations } = counts(project)
  const notes = schemaNotes(project)
  return {
    root: project.rootDir,
    models,
    relations,
    database: databaseStatus(context, project),
    ...(notes.length > 0 ? { schemaNotes: notes } : {}),
  }
}

function schemaNotes(project: Project): string[] {
  try {
    return project.schemaNotes()
  } catch {
    // An app TypeScript cannot build a program for has no schema to describe.
    return []
  }
}

function databaseStatus(context: ServerContext, project: Project): AppStatus['database'] {
  const source = project.database
  if (!context.settings().database.enable || !source) return { state: 'off', problem: OFF_REASON }
  const { label, problem } = source.describe?.() ?? {}
  const labelled = label !== undefined ? { label } : {}
  if (source.current()) return { state: 'ok', ...labelled }
  if (problem === undefined) return { state: 'none', ...labelled }
  // Without config/database.ts there is nothing to connect to: not an error of the app.
  const configured = label !== undefined || fs.existsSync(path.join(project.rootDir, 'config', 'database.ts'))
  return { state: configured ? 'error' : 'none', ...labelled, problem }
}

const countCache = new WeakMap<ModelIndex, { models: number; relations: number }>()

/** Models of the app's own files and the relations they declare (inherited ones count once). */
function counts(project: Project): { models: number; relations: number } {
  let index: ModelIndex
  try {
    index = project.index()
  } catch {
    // An app TypeScript cannot build a program for has no models to count; the others still do.
    return { models: 0, relations: 0 }
  }
  let result = countCache.get(index)
  if (!result) {
    const models = ownModels(index)
    const relations = relationCount(index)
    result = { models: models.length, relations }
    countCache.set(index, result)
  }
  return result
}
