// The VS Code side, composed: the server host, status bar, secrets, commands, panels and (for the
// real-editor tests only) the test hook. Thin on purpose: everything Lucid-specific is in the server.
import * as vscode from 'vscode'
import { SETTINGS_SECTION } from '../../server/src/protocol'
import { hasLucidApp, watchForApp } from './app-watch'
import { registerCommands } from './commands/register'
import { variableBinder } from './commands/variables'
import { GraphPanel } from './graph-panel'
import { PreviewPanel } from './preview-panel'
import { PreviewRunner } from './preview-runner'
import { Prompter } from './quick-picks'
import { LucidRequests } from './requests'
import { PasswordStore } from './secrets'
import { ServerHost } from './server-host'
import { registerOpenDatabaseSettings, StatusBar } from './status-bar'
import type { LucidLensTestApi } from './test-api'
import { TestHook, testHookEnabled } from './test-hook'
import { showRelation } from './show-relation'

let host: ServerHost | undefined

export async function activate(context: vscode.ExtensionContext): Promise<LucidLensTestApi | undefined> {
  const output = vscode.window.createOutputChannel('Lucid Lens', { log: true })
  const prompter = new Prompter()
  const hook = testHookEnabled() ? new TestHook(prompter) : undefined
  const status = new StatusBar((render) => hook?.statusShown(render))
  const passwords: { store?: PasswordStore } = {}
  const server = new ServerHost(context.asAbsolutePath('server/out/server.js'), output, {
    onRunning: () => {
      void vscode.commands.executeCommand('setContext', 'lucidLens.active', true)
      status.running()
      // The server keeps the password in memory only: every start (and restart) needs it again.
      void passwords.store?.send()
      hook?.serverRunning(true)
    },
    onStopped: () => {
      void vscode.commands.executeCommand('setContext', 'lucidLens.active', false)
      status.stopped()
      hook?.serverRunning(false)
    },
    onStatus: (params) => status.status(params),
  })
  host = server
  passwords.store = new PasswordStore(context.secrets, prompter, server)
  const requests = new LucidRequests(server)
  const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media')
  const runner: { previews?: PreviewRunner } = {}
  const panel = new PreviewPanel(media, prompter, {
    rerun: (explain) =>
      void runner.previews?.rerun(explain).catch((error: unknown) => {
        output.error(`Re-run: ${error instanceof Error ? error.message : String(error)}`)
        void vscode.window.showErrorMessage(
          `Lucid: ${error instanceof Error ? error.message : String(error)}`,
        )
      }),
    showRelation: (relation, code) =>
      void showRelation(requests, runner.previews?.lastUri, relation, code).catch((error: unknown) => {
        void vscode.window.showErrorMessage(
          `Lucid: ${error instanceof Error ? error.message : String(error)}`,
        )
      }),
    rendered: (render) => hook?.panelRendered(render),
    showing: () => hook?.panelShowing(),
  })
  const previews = new PreviewRunner(requests, panel, variableBinder(prompter, requests))
  runner.previews = previews
  const graph = new GraphPanel(media, {
    rendered: (render) => hook?.graphRendered(render),
    showing: () => hook?.graphShowing(),
  })
  const start = async () => {
    if (server.running) return
    status.starting()
    try {
      await server.start()
    } catch (error) {
      output.error(`The server did not start: ${error instanceof Error ? error.message : String(error)}`)
      status.stopped()
      throw error
    }
  }
  context.subscriptions.push(
    output,
    status,
    server,
    panel,
    graph,
    registerOpenDatabaseSettings(),
    ...passwords.store.register(),
    ...registerCommands({
      context: { prompter, requests, previews },
      host: server,
      graph,
      output,
      ensureStarted: start,
      rethrow: hook !== undefined,
    }),
    // Once the user trusts the workspace, the server re-reads its settings and may connect.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void server.notify('workspace/didChangeConfiguration', { settings: null })
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.server.runtime`) && server.running)
        void server.restart().catch((error: unknown) => output.error(String(error)))
    }),
  )
  startWhenAppFound(start, output, context).catch((error: unknown) => output.error(String(error)))
  return hook?.api
}

/** A workspace without a Lucid app keeps the server stopped until one appears. */
async function startWhenAppFound(
  start: () => Promise<void>,
  output: vscode.LogOutputChannel,
  context: vscode.ExtensionContext,
): Promise<void> {
  const launch = () => void start().catch(() => undefined)
  if (await hasLucidApp()) return launch()
  output.info('No AdonisJS app with @adonisjs/lucid in this workspace: the server starts when one appears.')
  context.subscriptions.push(watchForApp(launch))
}

export async function deactivate(): Promise<void> {
  await host?.stop()
  host = undefined
}
