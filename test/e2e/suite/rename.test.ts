// Rename in the real editor: F2 on a foreignKey string renames the property it names, every key string
// naming it (the server's edits) and its uses in code (TypeScript's edits, merged in by the client).
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { appUri, lucidLens, openInEditor, positionOf } from './support'

const SERVICE = 'app/services/comment_authors.ts'

describe('rename', () => {
  before(async () => {
    await lucidLens()
    const source =
      "import Comment from '../models/comment.js'\n\n" +
      'export function authorOf(comment: Comment): number {\n  return comment.authorId\n}\n'
    await vscode.workspace.fs.writeFile(appUri(SERVICE), Buffer.from(source))
    await openInEditor(SERVICE)
  })

  after(() => vscode.workspace.fs.delete(appUri(SERVICE)))

  it("F2 on foreignKey: 'authorId' renames the property, its key strings and its code uses", async () => {
    const { document } = await openInEditor('app/models/user.ts')
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, "foreignKey: 'auth|orId'"),
      'writerId',
    )
    const edits = edit
      .entries()
      .flatMap(([uri, changes]) =>
        changes.map((change) => `${vscode.workspace.asRelativePath(uri)}:${change.range.start.line + 1}`),
      )
    const sorted = [...edits].sort()
    assert.deepEqual(
      sorted,
      [
        'app/models/comment.ts:15',
        'app/models/comment.ts:29',
        `${SERVICE}:4`,
        'app/models/user.ts:37',
      ].sort(),
      JSON.stringify(edits),
    )
    for (const [, changes] of edit.entries())
      for (const change of changes) assert.equal(change.newText, 'writerId')
  })
})
