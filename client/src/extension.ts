// The VS Code side: starts the bundled language server and offers a restart command. Thin on
// purpose: everything Lucid-specific lives in the server.
import * as path from 'node:path'
import * as vscode from 'vscode'
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node'
import {
  REFRESH_SCHEMA_COMMAND,
  REFRESH_SCHEMA_REQUEST,
  RESTART_COMMAND,
  SETTINGS_SECTION,
  type RefreshSchemaResult,
} from '../../server/src/protocol'
import { effectiveSettings } from './trust'

let client: LanguageClient | undefined

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'))
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'typescript' }],
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
      // VS Code applies one rename provider's edits only. Ours would rename the declaration and the
      // key/relation strings but not the property's code uses, which TypeScript's provider renames.
      // Until the client merges both edits, renames stay with TypeScript in VS Code.
      prepareRename: () => null,
      provideRenameEdits: () => null,
    },
  }
  client = new LanguageClient('lucidLens', 'Lucid Lens', serverOptions, clientOptions)
  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      await client?.restart()
    }),
    vscode.commands.registerCommand(REFRESH_SCHEMA_COMMAND, async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString()
      const result: RefreshSchemaResult | undefined = await client?.sendRequest(REFRESH_SCHEMA_REQUEST, {})
      const lines = (result?.apps ?? []).map(
        (app) =>
          `${path.basename(app.root)}: ${app.source === 'database' ? `database ${app.label ?? ''}` : app.source}` +
          ` (${app.tables} tables)${app.problem ? `: ${app.problem}` : ''}`,
      )
      void vscode.window.showInformationMessage(
        lines.length
          ? `Lucid schema: ${lines.join('; ')}`
          : `Lucid: no app open${uri ? '' : ' (open a model first)'}`,
      )
    }),
  )
  // Once the user trusts the workspace, the server re-reads its settings and may connect.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('workspace/didChangeConfiguration', { settings: null })
    }),
  )
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
