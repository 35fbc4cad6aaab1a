// The database password the user stores with "Lucid: Set Database Password": kept in VS Code's
// secret storage under a key per workspace, never in settings, and sent to the server (which keeps
// it in memory only) whenever the server starts and whenever it changes.
import * as vscode from 'vscode'
import {
  COMMANDS,
  DATABASE_PASSWORD_NOTIFICATION,
  type DatabasePasswordParams,
} from '../../server/src/protocol'
import type { Prompter } from './quick-picks'
import type { ServerHost } from './server-host'

/** One secret per workspace: the workspace file, else the first folder. */
export function passwordKey(): string {
  const workspace = vscode.workspace.workspaceFile ?? vscode.workspace.workspaceFolders?.[0]?.uri
  return `lucidLens.databasePassword:${workspace?.toString() ?? 'no-workspace'}`
}

export class PasswordStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly prompter: Prompter,
    private readonly host: ServerHost,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(COMMANDS.setPassword, () => this.set()),
      vscode.commands.registerCommand(COMMANDS.clearPassword, () => this.clear()),
      this.secrets.onDidChange((event) => {
        if (event.key === passwordKey()) void this.send()
      }),
    ]
  }

  /** Tells the server the stored password (or that there is none). */
  async send(): Promise<void> {
    const password = await this.secrets.get(passwordKey())
    const params: DatabasePasswordParams = { password }
    await this.host.notify(DATABASE_PASSWORD_NOTIFICATION, params)
  }

  private async set(): Promise<void> {
    const password = await this.prompter.input({
      title: 'Lucid: Set Database Password',
      prompt:
        "The development database's password for this workspace. Stored in VS Code's secret storage; it " +
        "wins over the app's .env.",
      password: true,
      validate: (text) =>
        text.length === 0 ? 'Type a password, or run "Lucid: Clear Database Password".' : undefined,
    })
    if (password === undefined) return
    await this.secrets.store(passwordKey(), password)
    await this.send()
    void vscode.window.showInformationMessage('Lucid: database password stored for this workspace.')
  }

  private async clear(): Promise<void> {
    await this.secrets.delete(passwordKey())
    await this.send()
    void vscode.window.showInformationMessage("Lucid: database password cleared; the app's .env is used.")
  }
}
