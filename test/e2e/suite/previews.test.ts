// Every preview command as a user runs it, answered through the extension's test hook, against the
// example app's SQLite database: the panel's own report of what it rendered is checked, and the first
// render is screenshotted by the driver.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import type { PanelRender } from '../../../client/src/test-api'
import { COMMANDS } from '../../../server/src/protocol'
import {
  appUri,
  lucidLens,
  openInEditor,
  positionOf,
  requireDriver,
  screenshot,
  showBeside,
  within,
} from './support'

/** Queues the answers, runs the command and resolves with the panel's next render. */
async function preview(command: string, answers: string[], ...args: unknown[]): Promise<PanelRender> {
  const api = await lucidLens()
  api.queueAnswers(answers)
  const rendered = api.nextPanelRender()
  await vscode.commands.executeCommand(command, ...args)
  const render = await within(`the panel after ${command}`, rendered)
  assert.equal(render.error, undefined, `the preview failed: ${render.error}`)
  return render
}

describe('previews', () => {
  before(() => lucidLens())

  it('Preview Related Query from the "Preview posts" code lens: the posts of user 1', async () => {
    // The provider command reads an open document.
    const { document } = await openInEditor('app/models/user.ts')
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
      100,
    )
    const lens = lenses.find((found) => found.command?.title === 'Preview posts')?.command
    assert.ok(lens, JSON.stringify(lenses.map((found) => found.command?.title)))
    const render = await preview(lens.command, ['1'], ...(lens.arguments ?? []))
    assert.equal(render.expression, "User.findOrFail(1).related('posts').query()")
    assert.equal(render.dryRun, false)
    assert.equal(render.rowCount, 6)
    assert.ok(render.columns.includes('title'), JSON.stringify(render.columns))
    assert.ok(
      render.statements.some((sql) => /^select \* from `posts` where `user_id` = \?/.test(sql)),
      JSON.stringify(render.statements),
    )
    await showBeside('app/models/user.ts', 'declare po|sts')
    await screenshot({ name: 'preview', webview: 'preview', expectText: 'Post 1', pageText: 'Preview posts' })
  })

  it("the panel's Re-run and Copy SQL buttons, clicked with the mouse", async () => {
    requireDriver()
    const hook = await lucidLens()
    const rerun = hook.nextPanelRender()
    const clicked = await screenshot({
      name: 'panel-rerun',
      webview: 'preview',
      expectText: 'Post 1',
      click: 'button[data-action="rerun"]',
    })
    assert.equal(clicked.error, undefined, clicked.error)
    const again = await rerun
    assert.equal(again.expression, "User.findOrFail(1).related('posts').query()")
    assert.equal(again.rowCount, 6)
    await vscode.env.clipboard.writeText('')
    const copied = await screenshot({
      name: 'panel-copy-sql',
      webview: 'preview',
      expectText: 'Post 1',
      click: 'button[data-action="copySql"]',
    })
    assert.equal(copied.error, undefined, copied.error)
    const sql = await waitForClipboard((text) => text.includes('from `posts`'))
    assert.match(
      sql,
      /^select \* from `users` where `id` = \? limit \?;\nselect \* from `posts` where `user_id` = \?/,
    )
  })

  it("the panel's Explain button re-runs the preview with the plan of each read", async () => {
    requireDriver()
    const hook = await lucidLens()
    const explained = hook.nextPanelRender()
    const clicked = await screenshot({
      name: 'panel-explain',
      webview: 'preview',
      expectText: 'Post 1',
      click: 'button[data-action="explain"]',
    })
    assert.equal(clicked.error, undefined, clicked.error)
    const render = await within('the panel after Explain', explained)
    assert.equal(render.error, undefined, render.error)
    assert.equal(render.expression, "User.findOrFail(1).related('posts').query()")
    assert.equal(render.rowCount, 6)
    const plans = render.plans ?? []
    // One step at least per statement: the lookup of user 1, then the posts by user_id.
    assert.ok(
      plans.some((line) => /\bon users\b/.test(line)),
      JSON.stringify(plans),
    )
    assert.ok(
      plans.some((line) => /\bon posts\b/.test(line)),
      JSON.stringify(plans),
    )
    // The example app indexes posts.user_id: no step links to LL405.
    assert.deepEqual(render.planHints ?? [], [])
    const shot = await screenshot({ name: 'plan', webview: 'preview', expectText: 'SQLite plan' })
    assert.equal(shot.error, undefined, shot.error)
  })

  it('Preview Preload: users with their latest two posts and their comments', async () => {
    const render = await preview(COMMANDS.previewPreload, [
      'User',
      'posts',
      'First page (20)',
      '2',
      'createdAt',
      'desc',
      'comments',
    ])
    assert.match(render.expression, /groupLimit\(2\)/)
    assert.match(render.expression, /groupOrderBy\('created_at', 'desc'\)/)
    assert.equal(render.rowCount, 12)
    assert.ok(render.nested.includes('posts'), JSON.stringify(render.nested))
    assert.ok(render.statements.length >= 3, JSON.stringify(render.statements))
  })

  it('Preview Preload of a belongsTo: posts with their author', async () => {
    const render = await preview(COMMANDS.previewPreload, ['Post', 'author', 'First page (20)', '', ''])
    assert.match(render.expression, /preload\('author'\)/)
    assert.equal(render.rowCount, 20)
    assert.ok(render.nested.includes('author'), JSON.stringify(render.nested))
    assert.ok(
      render.statements.some((sql) => /^select \* from `users` where `id` in \(/.test(sql)),
      JSON.stringify(render.statements),
    )
  })

  it('Preview Relation Counts: posts per user', async () => {
    const render = await preview(COMMANDS.previewCounts, ['User', 'posts'])
    assert.match(render.expression, /withCount\('posts'\)/)
    assert.equal(render.rowCount, 12)
    assert.ok(
      render.columns.some((column) => column.includes('posts_count')),
      JSON.stringify(render.columns),
    )
  })

  it('Preview Selected Query: the chain under the cursor, its variable bound to user 1', async () => {
    const editor = await openInEditor('app/controllers/users_controller.ts')
    const cursor = positionOf(editor.document, ".related('po|sts')")
    editor.selection = new vscode.Selection(cursor, cursor)
    const render = await preview(COMMANDS.previewSelection, ['1'])
    assert.match(render.expression, /related\('posts'\)[\s\S]*\.limit\(5\)/)
    // User 1 wrote six posts; four are published.
    assert.equal(render.rowCount, 4)
    assert.ok(
      render.statements.some((sql) =>
        /where \(`is_published` = \?\) and \(`user_id` = \?\) order by `published_at` desc limit \?/.test(
          sql,
        ),
      ),
      JSON.stringify(render.statements),
    )
  })

  it('Preview Selected Query where there is no Lucid code: the panel says so', async () => {
    const editor = await openInEditor('app/controllers/users_controller.ts')
    const cursor = positionOf(editor.document, 'import User from |')
    editor.selection = new vscode.Selection(cursor, cursor)
    const api = await lucidLens()
    const rendered = api.nextPanelRender()
    await vscode.commands.executeCommand(COMMANDS.previewSelection)
    const render = await within('the panel with the problem', rendered)
    assert.ok(render.error, JSON.stringify(render))
    assert.equal(render.rowCount, 0)
  })

  it('Dry-run Write: a post created for user 1 and rolled back', async () => {
    const render = await preview(COMMANDS.dryRunWrite, [
      'User',
      'posts',
      '1',
      'create',
      '{"title": "Dry run", "slug": "dry-run"}',
    ])
    assert.equal(render.dryRun, true)
    assert.match(render.expression, /related\('posts'\)\.create\(/)
    assert.ok(
      render.statements.some((sql) => /^insert into `posts`/.test(sql)),
      JSON.stringify(render.statements),
    )
    // Rolled back: the same related query still finds six posts.
    const again = await preview(COMMANDS.previewRelated, ['1'], {
      uri: appUri('app/models/user.ts').toString(),
      model: 'User',
      relation: 'posts',
    })
    assert.equal(again.rowCount, 6)
  })
})

/**
 * The clipboard once the panel's copy reached it: it goes through the browser in code-server, and VS
 * Code has no clipboard event, so it is read again (each read a round trip to the browser) until then.
 */
async function waitForClipboard(accept: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000
  let text = ''
  while (Date.now() < deadline) {
    text = await vscode.env.clipboard.readText()
    if (accept(text)) return text
  }
  throw new Error(`The clipboard never held the SQL; last: ${JSON.stringify(text.slice(0, 200))}`)
}
