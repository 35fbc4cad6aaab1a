// The example app's three planted mistakes appear as Lucid Lens diagnostics in the editor, each where
// the CLI reports it, and only those.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { codeOf, lucidLens, openInEditor, waitForDiagnostics } from './support'

const PLANTED = [
  {
    file: 'app/models/post.ts',
    code: 'LL103',
    marked: "'post_id'",
    message: '"post_id" is a database column name',
  },
  {
    file: 'app/controllers/users_controller.ts',
    code: 'LL304',
    marked: "'createdAt'",
    message: 'groupOrderBy puts "createdAt" into raw SQL',
  },
  {
    file: 'app/controllers/posts_controller.ts',
    code: 'LL201',
    marked: "'coments'",
    message: '"coments" is not defined as a relationship on "Post" model. Did you mean "comments"?',
  },
]

describe('diagnostics', () => {
  before(() => lucidLens())

  for (const planted of PLANTED) {
    it(`${planted.code} in ${planted.file}`, async () => {
      const editor = await openInEditor(planted.file)
      const diagnostics = await waitForDiagnostics(editor.document.uri, (found) =>
        found.some((d) => codeOf(d) === planted.code),
      )
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      assert.deepEqual(errors.map(codeOf), [planted.code])
      const [error] = errors
      assert.ok(error)
      assert.ok(error.message.includes(planted.message), error.message)
      assert.equal(editor.document.getText(error.range).replace(/^'|'$/g, ''), planted.marked.slice(1, -1))
    })
  }
})
