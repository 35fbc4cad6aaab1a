// The example app before its database is configured (the driver copies it without config/database.ts
// or a database file): the status bar says so, and a preview still shows the SQL Lucid would send,
// values read from rows as placeholders, with how to add a database. Run on that app only.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { COMMANDS } from '../../../../server/src/protocol'
import { lucidLens, openInEditor, positionOf, screenshot, showBeside, within } from '../support'

const CONTROLLER = 'app/controllers/users_controller.ts'
const CHAIN = ".related('po|sts')"

describe('without a database', () => {
  before(() => lucidLens())

  it('the status bar says no database is configured', async () => {
    const api = await lucidLens()
    const status = await within(
      'the status bar',
      api.waitForStatus((s) => s.text.includes('no db')),
    )
    assert.equal(status.text, 'Lucid: 6 models · no db')
    assert.ok(status.tooltip.includes('no database configured'), status.tooltip)
    assert.equal(status.error, false)
  })

  it('Preview Selected Query: the SQL with <User.id> for the user, and how to add a database', async () => {
    const editor = await openInEditor(CONTROLLER)
    const cursor = positionOf(editor.document, CHAIN)
    editor.selection = new vscode.Selection(cursor, cursor)
    const api = await lucidLens()
    const rendered = api.nextPanelRender()
    // No row to pick: nothing is asked, the user is a placeholder.
    await vscode.commands.executeCommand(COMMANDS.previewSelection)
    const render = await within('the panel', rendered)
    assert.equal(render.error, undefined, render.error)
    assert.equal(render.rowCount, 0)
    assert.match(render.expression, /related\('posts'\)[\s\S]*\.limit\(5\)/)
    assert.deepEqual(render.statements, [
      'select * from `users` where `id` = ? limit ?',
      'select * from `posts` where (`is_published` = ?) and (`user_id` = ?) order by `published_at` desc limit ?',
    ])
    const notRun = render.notRun ?? ''
    assert.ok(notRun.includes('This app has no config/database.ts.'), notRun)
    assert.ok(notRun.includes('node ace add @adonisjs/lucid'), notRun)

    await showBeside(CONTROLLER, CHAIN)
    const shot = await screenshot({
      name: 'preview-no-database',
      webview: 'preview',
      expectText: 'This app has no config/database.ts.',
      sqlOnly: true,
    })
    assert.equal(shot.error, undefined, shot.error)
    assert.ok(shot.reading?.text.includes('<User.id>'), shot.reading?.text)
  })
})
