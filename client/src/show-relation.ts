// "Show User.posts" under a plan step that scans a relation's key: opens the model at the relation's
// declaration. When the plan names a finding (LL405: the column has no index) and the server reports
// it there, the cursor goes to that diagnostic and the quick fixes open (one adds the index).
import * as vscode from 'vscode'
import { findingStart } from './finding-start'
import type { LucidRequests } from './requests'

/** `User.posts` → the model's file, the cursor on the finding `code`, else on `posts`, else on the class. */
export async function showRelation(
  requests: LucidRequests,
  appUri: string | undefined,
  relation: string,
  code?: string,
) {
  const [modelName, name] = relation.split('.')
  if (!modelName || !name) return
  const { apps } = await requests.models(appUri ? { uri: appUri } : {})
  const model = apps.flatMap((app) => app.models).find((candidate) => candidate.name === modelName)
  if (!model) {
    void vscode.window.showWarningMessage(`Lucid: the model ${modelName} is not known to the server`)
    return
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(model.uri))
  const finding = code === undefined ? undefined : findingStart(model, name, code)
  const position = finding
    ? new vscode.Position(finding.line, finding.character)
    : (declarationOf(document, model.line, name) ?? new vscode.Position(model.line, 0))
  await vscode.window.showTextDocument(document, {
    selection: new vscode.Range(position, position),
    viewColumn: vscode.ViewColumn.One,
  })
  if (finding) await vscode.commands.executeCommand('editor.action.quickFix')
}

/** The first `declare posts` / `posts:` / `posts!:` after the class line. */
function declarationOf(
  document: vscode.TextDocument,
  from: number,
  name: string,
): vscode.Position | undefined {
  const pattern = new RegExp(`(?:\\bdeclare\\s+|^\\s*(?:public\\s+)?)(${name})\\s*[!?]?:`)
  for (let line = from; line < document.lineCount; line++) {
    const match = pattern.exec(document.lineAt(line).text)
    if (match) return new vscode.Position(line, match.index + match[0].indexOf(name))
  }
  return undefined
}
