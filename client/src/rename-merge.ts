// Rename in VS Code: the server renames a property's declaration and every foreignKey/localKey and
// relation-name string naming it; TypeScript renames the property's uses in code. VS Code takes one
// provider's answer, so ours asks TypeScript (through VS Code, with our provider stepping aside) at
// the declaration and returns both merged. Where TypeScript's provider is asked first on a property,
// it answers alone: key strings then show LL101 with a quick fix; on a string TypeScript declines and
// this merge runs.
import * as vscode from 'vscode'
import type { Middleware } from 'vscode-languageclient/node'
import { codeEdit, mergeEdits, type PlainEdit } from './edit-merge'

export function renameMiddleware(): Pick<Middleware, 'prepareRename' | 'provideRenameEdits'> {
  let nested = 0
  return {
    prepareRename: (document, position, token, next) => (nested > 0 ? null : next(document, position, token)),
    provideRenameEdits: async (document, position, newName, token, next) => {
      if (nested > 0) return null
      const ours = await next(document, position, newName, token)
      if (!ours) return ours
      const plain = toPlain(ours)
      const declaration = codeEdit(plain, await Promise.all(plain.map(charBefore)))
      if (!declaration) return ours
      nested++
      let theirs: vscode.WorkspaceEdit | undefined
      try {
        theirs = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
          'vscode.executeDocumentRenameProvider',
          vscode.Uri.parse(declaration.uri),
          new vscode.Position(declaration.start.line, declaration.start.character),
          newName,
        )
      } catch {
        // TypeScript declined (or is not running): the server's edits are still right, only fewer.
        theirs = undefined
      } finally {
        nested--
      }
      return theirs ? fromPlain(mergeEdits(toPlain(theirs), plain)) : ours
    },
  }
}

/** Files of the edit that are not open are read (not shown) to tell strings from code. */
async function charBefore(edit: PlainEdit): Promise<string> {
  if (edit.start.character === 0) return ''
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(edit.uri))
  const start = new vscode.Position(edit.start.line, edit.start.character)
  return document.getText(new vscode.Range(start.translate(0, -1), start))
}

function toPlain(edit: vscode.WorkspaceEdit): PlainEdit[] {
  return edit.entries().flatMap(([uri, edits]) =>
    edits.map((one) => ({
      uri: uri.toString(),
      start: { line: one.range.start.line, character: one.range.start.character },
      end: { line: one.range.end.line, character: one.range.end.character },
      newText: one.newText,
    })),
  )
}

function fromPlain(edits: PlainEdit[]): vscode.WorkspaceEdit {
  const result = new vscode.WorkspaceEdit()
  for (const edit of edits)
    result.replace(
      vscode.Uri.parse(edit.uri),
      new vscode.Range(edit.start.line, edit.start.character, edit.end.line, edit.end.character),
      edit.newText,
    )
  return result
}
