// Push diagnostics for clients without pull support (Neovim, Helix, Emacs): every open document
// is re-published after an edit anywhere.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { pathToUri } from '../../server/src/features/uri'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { createTempApp, POST_MODEL, type TempApp } from '../support/temp-app'

let app: TempApp
let lsp: LspHarness

before(async () => {
  app = createTempApp()
  lsp = await LspHarness.start({ pull: false, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

test('opening publishes, and an edit in another file re-publishes', async () => {
  const userFile = app.file('app/models/user.ts')
  const firstPublish = lsp.nextPublish(pathToUri(userFile))
  const user = await lsp.open(userFile)
  assert.deepEqual((await firstPublish).diagnostics, [])
  const post = await lsp.open(app.file('app/models/post.ts'))
  const flagged = lsp.nextPublish(user, (p) => p.diagnostics.length > 0)
  await lsp.replace(post, POST_MODEL.replace('declare userId', 'declare authorId'))
  assert.deepEqual(codesOf((await flagged).diagnostics), ['LL104'])
  const cleared = lsp.nextPublish(user, (p) => p.diagnostics.length === 0)
  await lsp.replace(post, POST_MODEL)
  assert.deepEqual((await cleared).diagnostics, [])
})
