// Findings of every file of the known apps, not only the open ones, so the Problems panel lists them
// as soon as the app is analysed (as `lucid-lens check` does). Pull clients get LSP workspace
// diagnostics (`workspace/diagnostic`, which VS Code asks every 2 s), push clients one publish per
// file. Bounded: at most MAX_FILES files per app, and nothing is recomputed while an app keeps
// changing (typing): a file's report is computed again once its app's version held still for one
// pull or one quiet delay.
import {
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver'
import type { Project } from '../project/project'
import { guard } from './boundary'
import type { ServerContext } from './context'
import { documentDiagnostics, resultIdFor } from './diagnostics'
import { knownApps } from './known-apps'
import { pathToUri } from './uri'

/** Files of one app reported at most; the log says when an app has more. */
export const MAX_FILES = 2000
const QUIET_MS = 1500

interface Report {
  resultId: string
  items: Diagnostic[]
}

/** The reports computed so far, and the version each app had when last looked at. */
class WorkspaceState {
  readonly reports = new Map<string, Report>()
  private readonly seen = new WeakMap<Project, number>()
  private readonly cut = new WeakSet<Project>()

  constructor(private readonly context: ServerContext) {}

  /** True when the app's version is the one seen last time: it is not changing right now. */
  settled(project: Project): boolean {
    const stable = this.seen.get(project) === project.projectVersion
    this.seen.set(project, project.projectVersion)
    return stable
  }

  /** The app's files not open in the editor (open ones are reported on their own), at most MAX_FILES. */
  files(project: Project): string[] {
    const files = project.sourceFiles().map((file) => pathToUri(file.fileName))
    if (files.length > MAX_FILES && !this.cut.has(project)) {
      this.cut.add(project)
      this.context.connection.console.info(
        `Workspace diagnostics: ${project.rootDir} has ${files.length} files; the first ${MAX_FILES} are reported.`,
      )
    }
    return files.slice(0, MAX_FILES).filter((uri) => !this.context.documents.get(uri))
  }

  /** A file's report: the cached one while its app changes, else computed again when out of date. */
  report(uri: string, settled: boolean): Report | undefined {
    const resultId = resultIdFor(this.context, uri)
    if (resultId === undefined) return undefined
    const cached = this.reports.get(uri)
    if (cached && (cached.resultId === resultId || !settled)) return cached
    const fresh = { resultId, items: documentDiagnostics(this.context, uri) }
    this.reports.set(uri, fresh)
    return fresh
  }
}

export function registerWorkspacePull(context: ServerContext): void {
  const state = new WorkspaceState(context)
  context.connection.languages.diagnostics.onWorkspace(
    guard(
      context.connection,
      'workspace diagnostics',
      async (params): Promise<WorkspaceDiagnosticReport> => {
        await context.settingsReady
        const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]))
        const items: WorkspaceDocumentDiagnosticReport[] = []
        for (const project of await knownApps(context)) {
          const settled = state.settled(project)
          for (const uri of state.files(project)) {
            const report = state.report(uri, settled)
            if (!report) continue
            items.push(
              previous.get(uri) === report.resultId
                ? {
                    kind: DocumentDiagnosticReportKind.Unchanged,
                    uri,
                    version: null,
                    resultId: report.resultId,
                  }
                : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, ...report },
            )
          }
        }
        return { items }
      },
      (): WorkspaceDiagnosticReport => ({ items: [] }),
    ),
  )
}

/** Push clients: every file not open, once the apps are analysed and after each quiet delay. */
export function registerWorkspacePush(context: ServerContext): void {
  const state = new WorkspaceState(context)
  const published = new Map<string, string>()
  let timer: NodeJS.Timeout | undefined
  const publish = guard(
    context.connection,
    'publish workspace diagnostics',
    async () => {
      timer = undefined
      await context.settingsReady
      for (const project of await knownApps(context)) {
        state.settled(project)
        for (const uri of state.files(project)) {
          const report = state.report(uri, true)
          if (!report || published.get(uri) === report.resultId) continue
          published.set(uri, report.resultId)
          void context.connection.sendDiagnostics({ uri, diagnostics: report.items })
        }
      }
    },
    () => undefined,
  )
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void publish(undefined), QUIET_MS)
  }
  context.onInvalidate(schedule)
  // An open document is published by the document feature; once closed, it is a workspace file again.
  context.documents.onDidClose((event) => {
    published.delete(event.document.uri)
    schedule()
  })
  context.documents.onDidOpen((event) => published.delete(event.document.uri))
  schedule()
}
