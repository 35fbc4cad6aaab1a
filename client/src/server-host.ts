// The language client: starts the bundled server in the Node.js that server-runtime chooses, passes
// settings through workspace trust, and lets the rest of the extension send the custom requests.
import * as vscode from 'vscode'
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type NodeModule,
  type ServerOptions,
} from 'vscode-languageclient/node'
import { SETTINGS_SECTION, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol'
import { resolveRuntime } from './server-runtime'
import { effectiveSettings } from './trust'
import { renameMiddleware } from './rename-merge'
import { whileRunning } from './stopped-guard'

export interface HostEvents {
  /** The server is running (after a start, a restart or a recovery from a crash). */
  onRunning(): void
  onStopped(): void
  onStatus(params: StatusParams): void
}

export class ServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined
  private starting: Promise<void> | undefined

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly events: HostEvents,
  ) {}

  get running(): boolean {
    return this.client?.state === State.Running
  }

  /** Starts the server once; concurrent calls share the start. */
  start(): Promise<void> {
    this.starting ??= this.launch().finally(() => (this.starting = undefined))
    return this.starting
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  async stop(): Promise<void> {
    const client = this.client
    this.client = undefined
    try {
      await client?.dispose()
    } catch (error) {
      this.output.warn(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`)
    }
    this.events.onStopped()
  }

  /** A custom request; throws when the server is not running. */
  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    if (this.starting) await this.starting
    const client = this.client
    if (!client || client.state === State.Stopped)
      throw new Error('The Lucid Lens server is not running. Run "Lucid: Restart Server".')
    return token ? client.sendRequest<R>(method, params, token) : client.sendRequest<R>(method, params)
  }

  async notify(method: string, params: unknown): Promise<void> {
    if (this.running) await this.client?.sendNotification(method, params)
  }

  dispose(): void {
    void this.stop()
  }

  private async launch(): Promise<void> {
    // A client whose start failed is replaced, not restarted.
    await this.client?.dispose().catch(() => undefined)
    const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('server.runtime', '')
    const choice = await resolveRuntime(configured, process.env)
    for (const warning of choice.warnings) this.output.warn(warning)
    this.output.info(
      choice.runtime
        ? `Starting the server with ${choice.runtime} (${choice.source === 'setting' ? 'lucidLens.server.runtime' : 'node on the PATH'}).`
        : "Starting the server in the editor's runtime.",
    )
    const run: NodeModule = {
      module: this.serverModule,
      transport: TransportKind.ipc,
      runtime: choice.runtime,
    }
    const serverOptions: ServerOptions = {
      run,
      debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    }
    const running = () => this.client === client && client.state === State.Running
    const client: LanguageClient = new LanguageClient(
      'lucidLens',
      'Lucid Lens',
      serverOptions,
      clientOptions(this.output, running),
    )
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => this.events.onStatus(params))
    client.onDidChangeState((change) => {
      if (change.newState === State.Running) this.events.onRunning()
      if (change.newState === State.Stopped && this.client === client) this.events.onStopped()
    })
    this.client = client
    await client.start()
  }
}

function clientOptions(output: vscode.LogOutputChannel, running: () => boolean): LanguageClientOptions {
  return {
    documentSelector: [{ scheme: 'file', language: 'typescript' }],
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: {
      settings: effectiveSettings(
        vscode.workspace.getConfiguration(SETTINGS_SECTION),
        vscode.workspace.isTrusted,
      ),
    },
    middleware: {
      // The server reads its settings through workspace/configuration: what it gets depends on trust.
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token)
          if (!Array.isArray(answers)) return answers
          return answers.map((answer, i) =>
            params.items[i]?.section === SETTINGS_SECTION
              ? effectiveSettings(answer, vscode.workspace.isTrusted)
              : answer,
          )
        },
      },
      // VS Code keeps asking while the client stops (a folder switch, a restart): answer nothing then.
      provideCodeActions: (document, range, context, token, next) =>
        whileRunning(running, () => next(document, range, context, token), []),
      provideHover: (document, position, token, next) =>
        whileRunning(running, () => next(document, position, token), undefined),
      provideCodeLenses: (document, token, next) => whileRunning(running, () => next(document, token), []),
      // VS Code applies one rename provider's edits only: ours merges TypeScript's into them.
      ...renameMiddleware(),
    },
  }
}
