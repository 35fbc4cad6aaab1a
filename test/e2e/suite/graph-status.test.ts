// The relationship graph (its own report of the models and edges it drew, then a screenshot), the code
// lenses above relations, and the status bar.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import { COMMANDS } from '../../../server/src/protocol'
import { lucidLens, openInEditor, screenshot, showBeside, within } from './support'

describe('graph, code lenses and status bar', () => {
  before(() => lucidLens())

  it('Show Relationship Graph draws every model and the broken relation in red', async () => {
    const api = await lucidLens()
    const drawn = api.nextGraphRender()
    await vscode.commands.executeCommand(COMMANDS.showGraph)
    const graph = await within('the graph', drawn)
    assert.deepEqual([...graph.models].sort(), ['Category', 'Comment', 'Organization', 'Post', 'Tag', 'User'])
    assert.ok(graph.edges.includes('User.posts -> Post'), JSON.stringify(graph.edges))
    assert.ok(graph.edges.includes('Post.tags -> Tag'), JSON.stringify(graph.edges))
    assert.deepEqual(graph.problemEdges, ['Post.approvedComments -> Comment'])
    await showBeside('app/models/post.ts', 'declare approved|Comments')
    await screenshot({
      name: 'graph',
      webview: 'graph',
      expectText: 'Organization',
      pageText: 'Preview approvedComments',
    })
  })

  it('a "Preview …" code lens above each previewable relation of Post', async () => {
    const { document } = await openInEditor('app/models/post.ts')
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
      100,
    )
    const previews = lenses.filter((lens) => lens.command?.command === COMMANDS.previewRelated)
    assert.deepEqual(
      previews.map((lens) => lens.command?.title),
      ['Preview author', 'Preview category', 'Preview comments', 'Preview approvedComments', 'Preview tags'],
    )
    assert.deepEqual(previews[2]?.command?.arguments, [
      { uri: document.uri.toString(), model: 'Post', relation: 'comments' },
    ])
  })

  it('the status bar names the models and the SQLite database', async () => {
    const api = await lucidLens()
    const status = await within(
      'the status bar',
      api.waitForStatus((s) => s.text.includes('sqlite')),
    )
    assert.match(status.text, /\b6 models\b/)
    assert.ok(status.text.includes('sqlite tmp/db.sqlite3'), status.text)
    assert.equal(status.error, false)
  })
})
