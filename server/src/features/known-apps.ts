// The apps the server reports on without being asked about a document: every app it has created,
// those of open documents, and those found in the workspace folders. The folder walk runs once and
// again only after files were created, deleted or renamed (a new tsconfig.json) or a settings reset.
import type { Project } from '../project/project'
import type { ProjectService } from '../project/project-service'
import type { ServerContext } from './context'
import { uriToPath } from './uri'

interface Walk {
  projects: ProjectService
  found: Promise<Project[]>
}

const walks = new WeakMap<ServerContext, Walk>()
const watching = new WeakSet<ServerContext>()

export async function knownApps(context: ServerContext): Promise<Project[]> {
  const known = new Set(context.projects.allProjects())
  for (const doc of context.documents.all()) {
    const fileName = uriToPath(doc.uri)
    const project = fileName ? context.projects.projectFor(fileName) : undefined
    if (project) known.add(project)
  }
  for (const project of await workspaceApps(context)) known.add(project)
  return [...known].sort((a, b) => a.rootDir.localeCompare(b.rootDir))
}

function workspaceApps(context: ServerContext): Promise<Project[]> {
  if (!context.clientCapabilities.workspace?.workspaceFolders) return Promise.resolve([])
  if (!watching.has(context)) {
    watching.add(context)
    context.onInvalidate((reason) => {
      if (reason.kind === 'files' || reason.kind === 'settings') walks.delete(context)
    })
  }
  const cached = walks.get(context)
  // A settings reset replaces the project service: its projects are not the current ones.
  if (cached && cached.projects === context.projects) return cached.found
  const found = (async () => {
    const apps: Project[] = []
    for (const folder of (await context.connection.workspace.getWorkspaceFolders()) ?? []) {
      const dir = uriToPath(folder.uri)
      if (dir) apps.push(...context.projects.discover(dir))
    }
    return apps
  })()
  walks.set(context, { projects: context.projects, found })
  found.catch(() => walks.delete(context))
  return found
}
