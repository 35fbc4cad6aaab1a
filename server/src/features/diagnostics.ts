// Lucid findings as LSP diagnostics: pulled where the client supports it (with inter-file
// dependencies, so editing post.ts refreshes user.ts), pushed for open documents otherwise.
import type * as TS from 'typescript'
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver'
import { isOffByDefault, type Finding, type Severity } from '../analysis'
import type { Settings } from '../settings'
import { guard } from './boundary'
import type { Feature, ServerContext } from './context'
import { rangeIn } from './source-at'
import { pathToUri, uriToPath } from './uri'
import { registerWorkspacePull, registerWorkspacePush } from './workspace-diagnostics'

const PUSH_DELAY_MS = 30
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
}

export const diagnosticsFeature: Feature = {
  capabilities(client) {
    return client.textDocument?.diagnostic
      ? {
          diagnosticProvider: {
            identifier: 'lucid-lens',
            interFileDependencies: true,
            workspaceDiagnostics: true,
          },
        }
      : {}
  },
  register(context) {
    if (context.clientCapabilities.textDocument?.diagnostic) {
      registerPull(context)
      registerWorkspacePull(context)
    } else {
      registerPush(context)
      registerWorkspacePush(context)
    }
  },
}

/** Diagnostics of one document; an empty list for files outside any app. Never throws. */
export function documentDiagnostics(context: ServerContext, uri: string): Diagnostic[] {
  const fileName = uriToPath(uri)
  if (!fileName || !/\.(m|c)?tsx?$/.test(fileName) || !context.settings().diagnostics.enable) return []
  const project = context.projects.projectFor(fileName)
  if (!project) return []
  const unreadable = project.unreadableReason(fileName)
  if (unreadable) return [unreadableDiagnostic(unreadable)]
  const program = project.index().program
  const settings = context.settings()
  const diagnostics: Diagnostic[] = []
  for (const finding of project.findings(fileName)) {
    const severity = shownSeverity(settings, finding)
    if (severity) diagnostics.push(toDiagnostic(program, finding, severity))
  }
  return diagnostics
}

/** The one word on a file the analysis cannot read: the rest of the app is analysed without it. */
function unreadableDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: 'lucid-lens',
    message: `Lucid Lens could not analyse this file: ${reason}. Other files see its last readable version.`,
  }
}

/** The severity a finding is shown with (`lucidLens.diagnostics.severity`), undefined when turned off. */
export function shownSeverity(settings: Settings, finding: Finding): Severity | undefined {
  const override = settings.diagnostics.severity[finding.code]
  if (override === 'off') return undefined
  if (!override && isOffByDefault(finding.code)) return undefined
  return override ?? finding.severity
}

function registerPull(context: ServerContext): void {
  const { connection } = context
  const lastResult = new Map<string, string>()
  connection.languages.diagnostics.on(
    guard(
      connection,
      'diagnostics',
      async (params): Promise<DocumentDiagnosticReport> => {
        await context.settingsReady
        const uri = params.textDocument.uri
        const resultId = resultIdFor(context, uri)
        if (resultId && params.previousResultId === resultId && lastResult.get(uri) === resultId) {
          return { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
        }
        const items = documentDiagnostics(context, uri)
        if (resultId) lastResult.set(uri, resultId)
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items }
      },
      (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }),
    ),
  )
  const canRefresh = context.clientCapabilities.workspace?.diagnostics?.refreshSupport === true
  context.onInvalidate((reason) => {
    if (reason.kind !== 'document' && canRefresh) void connection.languages.diagnostics.refresh()
  })
}

/** Changes whenever anything the file's findings depend on may have changed. */
export function resultIdFor(context: ServerContext, uri: string): string | undefined {
  const fileName = uriToPath(uri)
  const project = fileName ? context.projects.projectFor(fileName) : undefined
  const settings = context.settings()
  const schema = `${settings.schemaChecks.enable}:${settings.schemaChecks.disabled.join(',')}`
  const severity = JSON.stringify(settings.diagnostics.severity)
  return project
    ? `${project.projectVersion}:${settings.diagnostics.enable}:${settings.lucidVersion}:${schema}:${severity}`
    : undefined
}

function registerPush(context: ServerContext): void {
  const { connection, documents } = context
  let timer: NodeJS.Timeout | undefined
  const publishAll = guard(
    connection,
    'publish diagnostics',
    () => {
      timer = undefined
      for (const doc of documents.all()) {
        void connection.sendDiagnostics({
          uri: doc.uri,
          version: doc.version,
          diagnostics: documentDiagnostics(context, doc.uri),
        })
      }
    },
    () => undefined,
  )
  // Any edit can change the findings of every open file (a key lives in another model), so all
  // open documents are re-published, coalesced over a short delay while the user types.
  context.onInvalidate(() => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void context.settingsReady.then(() => publishAll(undefined)), PUSH_DELAY_MS)
  })
  documents.onDidClose(
    (event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }),
  )
}

/** The one conversion of a finding to an LSP diagnostic (also used to attach quick fixes). */
export function toDiagnostic(program: TS.Program, f: Finding, severity: Severity = f.severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(program, f.fileName, f.start, f.end),
    severity: SEVERITY[severity],
    code: f.code,
    source: f.source ?? 'lucid-lens',
    message: f.message,
  }
  if (f.suggestion !== undefined) diagnostic.data = { suggestion: f.suggestion }
  if (f.related?.length) {
    diagnostic.relatedInformation = f.related.map((r) => ({
      location: { uri: pathToUri(r.fileName), range: rangeOf(program, r.fileName, r.start, r.end) },
      message: r.message,
    }))
  }
  return diagnostic
}

function rangeOf(program: TS.Program, fileName: string, start: number, end: number): Range {
  const file = program.getSourceFile(fileName)
  return file
    ? rangeIn(file, start, end)
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
}
