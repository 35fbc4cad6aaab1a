// Previews connect to a database, so an untrusted workspace gets an explanation instead of a request.
import * as vscode from 'vscode'

export const UNTRUSTED_MESSAGE = 'Lucid Lens does not connect to databases in an untrusted workspace.'
const MANAGE = 'Manage Workspace Trust'

/** True when previews may run; otherwise says why (without waiting for the message to close). */
export function previewsAllowed(): boolean {
  if (vscode.workspace.isTrusted) return true
  void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, MANAGE).then((choice) => {
    if (choice === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage')
  })
  return false
}
