// The quick fix for the planted LL103 through VS Code's code action API: applying its edit removes the
// finding; restoring the text brings it back.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { codeOf, lucidLens, openInEditor, waitForDiagnostics } from './support'

describe('quick fixes', () => {
  before(() => lucidLens())

  it('LL103: "Use the property name \'postId\'" fixes post.ts', async () => {
    const editor = await openInEditor('app/models/post.ts')
    const { uri } = editor.document
    const [finding] = await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'LL103'))
    assert.ok(finding)
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    )
    const fix = actions.find((action) => action.title === "Use the property name 'postId'")
    assert.ok(fix?.edit, `the fix among ${JSON.stringify(actions.map((a) => a.title))}`)
    assert.equal(fix.isPreferred, true)
    const before = editor.document.getText()
    assert.ok(await vscode.workspace.applyEdit(fix.edit))
    assert.ok(editor.document.getText().includes("{ foreignKey: 'postId' }"))
    await waitForDiagnostics(uri, (found) => !found.some((d) => codeOf(d) === 'LL103'))

    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(Infinity))
    const restore = new vscode.WorkspaceEdit()
    restore.replace(uri, whole, before)
    assert.ok(await vscode.workspace.applyEdit(restore))
    await editor.document.save()
    await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'LL103'))
  })
})
