// Quick fixes. The planted LL103's through VS Code's code action API: applying its edit removes the
// finding; restoring the text brings it back. An N+1 (LL501) in a service written for the test, fixed
// as a user does: Ctrl+. on the finding, its fix clicked in the menu.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {
  appUri,
  codeOf,
  requireDriver,
  inWorkbench,
  lucidDiagnostics,
  lucidLens,
  openInEditor,
  waitFor,
  waitForDiagnostics,
} from './support'

const DIGEST = 'app/services/digest_service.ts'

/** One N+1: a load per user, in a loop that also reads what it loaded. */
const DIGEST_SOURCE = `import User from '#models/user'

export default class DigestService {
  async titlesByAuthor() {
    const users = await User.query().orderBy('id')
    const titles: Record<string, string[]> = {}
    for (const user of users) {
      await user.load('posts')
      titles[user.email] = user.posts.map((post) => post.title)
    }
    return titles
  }
}
`

const LL501_FIX = "Add .preload('posts') to the query and drop the per-row load"

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

  describe('LL501 in a new service', () => {
    before(() => vscode.workspace.fs.writeFile(appUri(DIGEST), Buffer.from(DIGEST_SOURCE)))
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors')
      await vscode.workspace.fs.delete(appUri(DIGEST))
    })

    it(`Ctrl+. on the N+1, then "${LL501_FIX}" clicked in the menu`, async () => {
      requireDriver()
      const editor = await openInEditor(DIGEST)
      const { document } = editor
      const found = await waitForDiagnostics(document.uri, (all) => all.length > 0)
      assert.deepEqual(found.map(codeOf), ['LL501'], JSON.stringify(found.map((d) => d.message)))
      const [finding] = found
      assert.ok(finding)
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning)
      assert.equal(document.getText(finding.range), "load('posts')")
      assert.match(finding.message, /runs 1 query per user \(load\('posts'\) on every row\)/)
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start)

      const edited = waitFor(
        'the fix in the document',
        (listener) => vscode.workspace.onDidChangeTextDocument(listener),
        () => (document.getText().includes(".preload('posts')") ? true : undefined),
        () => document.getText(),
      )
      const menu = await inWorkbench({
        name: 'quick-fix-ll501',
        // The lightbulb says the editor has the fix; Ctrl+. then lists it.
        waitFor: '.lightBulbWidget',
        press: ['Control+.'],
        widget: '.action-widget',
        expectText: LL501_FIX,
        choose: LL501_FIX,
        screenshot: true,
      })
      assert.equal(menu.error, undefined, menu.error)
      // The finding is drawn: the squiggle under load('posts').
      assert.equal(menu.widget?.warningSquiggles, 1, JSON.stringify(menu.widget))
      await edited
      assert.equal(
        document.getText(),
        DIGEST_SOURCE.replace(
          "User.query().orderBy('id')",
          "User.query().preload('posts').orderBy('id')",
        ).replace("      await user.load('posts')\n", ''),
      )
      await waitForDiagnostics(document.uri, (all) => all.length === 0)
      assert.deepEqual(lucidDiagnostics(document.uri), [])
      await document.save()
    })
  })
})
