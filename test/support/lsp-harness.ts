// Runs the real server in-process over two PassThrough streams and talks JSON-RPC to it, as an
// editor would. Notifications are awaited as events; nothing sleeps.
import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import {
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEditClientCapabilities,
} from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { startServer } from '../../server/src/server'

export interface HarnessOptions {
  /** Pull diagnostics (like VS Code) when true, push (like Neovim without pull) when false. */
  pull: boolean
  rootPath: string
  /** The answer to workspace/configuration (`null` is sent as is); `{}` when absent. */
  settings?: unknown
  /** Sent in `initialize` as is. */
  initializationOptions?: unknown
  /** Declare workspace folders support (VS Code does) and answer `workspace/workspaceFolders`. */
  workspaceFolders?: boolean
  /** Sent as `workspace.workspaceEdit` (VS Code: document changes with create, rename, delete). */
  workspaceEdit?: WorkspaceEditClientCapabilities
}

export class LspHarness {
  readonly client: ProtocolConnection
  private readonly versions = new Map<string, number>()
  private readonly published = new Map<string, PublishDiagnosticsParams>()
  private waiters: {
    uri: string
    test: (p: PublishDiagnosticsParams) => boolean
    resolve: (p: PublishDiagnosticsParams) => void
  }[] = []
  readonly logs: string[] = []

  /** What the client answers from now on; send workspace/didChangeConfiguration to have it read. */
  setSettings(settings: unknown): void {
    this.options.settings = settings
  }

  private constructor(readonly options: HarnessOptions) {
    const toServer = new PassThrough()
    const toClient = new PassThrough()
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)))
    this.client = createProtocolConnection(
      new StreamMessageReader(toClient),
      new StreamMessageWriter(toServer),
    )
    this.client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params)
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.test(params)) return true
        w.resolve(params)
        return false
      })
    })
    this.client.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message)
    })
    this.client.onRequest('workspace/configuration', () => [
      this.options.settings === undefined ? {} : this.options.settings,
    ])
    this.client.onRequest('client/registerCapability', () => null)
    this.client.onRequest('workspace/diagnostic/refresh', () => null)
    this.client.onRequest('workspace/workspaceFolders', () => [
      { uri: pathToUri(options.rootPath), name: 'app' },
    ])
    this.client.listen()
  }

  static async start(options: HarnessOptions): Promise<LspHarness> {
    const harness = new LspHarness(options)
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        ...(options.workspaceFolders ? { workspaceFolders: true } : {}),
        ...(options.workspaceEdit ? { workspaceEdit: options.workspaceEdit } : {}),
      },
      textDocument: options.pull
        ? { diagnostic: { dynamicRegistration: false } }
        : { publishDiagnostics: {} },
    }
    const rootUri = pathToUri(options.rootPath)
    await harness.client.sendRequest('initialize', {
      processId: null,
      rootUri,
      capabilities,
      workspaceFolders: [{ uri: rootUri, name: 'app' }],
      ...(options.initializationOptions !== undefined
        ? { initializationOptions: options.initializationOptions }
        : {}),
    })
    await harness.client.sendNotification('initialized', {})
    return harness
  }

  async open(fileName: string, text = readFileSync(fileName, 'utf8')): Promise<string> {
    const uri = pathToUri(fileName)
    this.versions.set(uri, 1)
    await this.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text },
    })
    return uri
  }

  /** Replaces the whole text (a full-content change event). */
  async replace(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1
    this.versions.set(uri, version)
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    })
  }

  /** An incremental edit, as editors send while typing. */
  async edit(uri: string, range: Diagnostic['range'], text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1
    this.versions.set(uri, version)
    await this.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    })
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri)
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } })
  }

  /** What a file watcher reports (1 created, 2 changed, 3 deleted). */
  async fileEvent(fileName: string, type: 1 | 2 | 3): Promise<void> {
    await this.client.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToUri(fileName), type }],
    })
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.client.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
    })
    return report.kind === 'full' ? report.items : []
  }

  /** Resolves with the next published diagnostics for `uri` that satisfy `test`. */
  nextPublish(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }))
  }

  async stop(): Promise<void> {
    await this.client.sendRequest('shutdown')
    this.client.dispose()
  }
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort()
}
