// Hovers and completions through VS Code's provider commands, which merge every extension's answers
// (TypeScript's too): Lucid Lens's are found among them. The manyToMany card is also opened as a user
// does (Ctrl+K Ctrl+I on the relation) and screenshotted for the README.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { inWorkbench, lucidLens, openInEditor, positionOf, requireDriver } from './support'

function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap((hover) =>
    hover.contents.map((content) => (typeof content === 'string' ? content : content.value)),
  )
}

describe('hovers and completions', () => {
  before(() => lucidLens())

  it('the relation card on Post.comments', async () => {
    const { document } = await openInEditor('app/models/post.ts')
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'declare comm|ents'),
    )
    const card = hoverText(hovers).find((text) => text.startsWith('**Post.comments**'))
    assert.ok(card, JSON.stringify(hoverText(hovers)))
    assert.ok(card.includes('hasMany → Comment'), card)
    assert.ok(card.includes('`comments.post_id`'), card)
  })

  it('the manyToMany card on Post.tags: keys, the pivot table and the SQL with its join', async () => {
    const { document } = await openInEditor('app/models/post.ts')
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'declare ta|gs'),
    )
    const card = hoverText(hovers).find((text) => text.startsWith('**Post.tags**'))
    assert.ok(card, JSON.stringify(hoverText(hovers)))
    assert.ok(card.includes('manyToMany → Tag'), card)
    assert.ok(card.includes('| pivotTable | (no model) | `post_tag` |'), card)
    assert.ok(card.includes('| pivotForeignKey | (pivot) | `post_tag.post_id` | holds localKey |'), card)
    assert.ok(
      card.includes('| pivotRelatedForeignKey | (pivot) | `post_tag.tag_id` | holds relatedKey |'),
      card,
    )
    assert.match(
      card,
      /```sql\nselect .*pivot_post_id.* inner join .*post_tag.* where .*post_id.* = \?\n```/,
      card,
    )
  })

  it('the manyToMany card on Post.tags in the hover widget, opened with Ctrl+K Ctrl+I', async () => {
    requireDriver()
    // The editor alone, the full width of the window: the card is as wide as it wants.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors')
    await vscode.commands.executeCommand('workbench.action.closeSidebar')
    await vscode.commands.executeCommand('workbench.action.closePanel')
    await vscode.commands.executeCommand('notifications.clearAll')
    const editor = await openInEditor('app/models/post.ts')
    const at = positionOf(editor.document, 'declare ta|gs')
    editor.selection = new vscode.Selection(at, at)
    // Scrolled to the top: in the driver's tall window the whole file shows, the card above its line.
    const top = new vscode.Position(0, 0)
    editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop)
    const hover = await inWorkbench({
      name: 'hover-many-to-many',
      press: ['Control+K', 'Control+I'],
      widget: '.monaco-hover',
      expectText: 'pivotRelatedForeignKey',
      // Tall enough for the whole card, its SQL included, without a scroll bar.
      windowHeight: 2200,
      screenshot: true,
    })
    assert.equal(hover.error, undefined, hover.error)
    const text = hover.widget?.text ?? ''
    assert.ok(text.includes('Post.tags'), text)
    assert.ok(text.includes('post_tag.tag_id'), text)
    assert.match(text, /inner join `post_tag`/, text)
  })

  it('the finding in the card of Post.approvedComments', async () => {
    const { document } = await openInEditor('app/models/post.ts')
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'declare approved|Comments'),
    )
    const card = hoverText(hovers).find((text) => text.startsWith('**Post.approvedComments**'))
    assert.ok(card, JSON.stringify(hoverText(hovers)))
    assert.ok(card.includes('LL103'), card)
  })

  it("relation names of Post in preload('…')", async () => {
    const { document } = await openInEditor('app/controllers/posts_controller.ts')
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionOf(document, ".preload('co|ments'"),
    )
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label))
    for (const relation of ['author', 'category', 'comments', 'approvedComments', 'tags'])
      assert.ok(labels.includes(relation), `${relation} among ${JSON.stringify(labels.slice(0, 40))}`)
    const comments = list.items.find((item) => item.label === 'comments')
    assert.equal(comments?.detail, 'hasMany → Comment')
  })
})
