// Over JSON-RPC: every callback shape answers with a plan's result or an E_PLAN problem naming the
// reason (never E_INTERNAL), and unreadable hooks in two models leave the other previews and the
// models list intact.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { pathToUri } from '../../server/src/features/uri'
import {
  MODELS_REQUEST,
  PREVIEW_REQUEST,
  type ModelsResult,
  type PreviewAnswer,
} from '../../server/src/protocol'
import { BAD_HOOK_WARNING, badHooksApp } from '../support/bad-hooks-app'
import { CALLBACK_SHAPES } from '../support/callback-shapes'
import { LspHarness } from '../support/lsp-harness'

let app: { root: string; remove: () => void }
let lsp: LspHarness
let userUri: string

before(async () => {
  app = await badHooksApp()
  lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings: {} })
  userUri = pathToUri(path.join(app.root, 'app', 'models', 'user.ts'))
})
after(async () => {
  await lsp.stop()
  app.remove()
})

const preview = (expression: string): Promise<PreviewAnswer> =>
  lsp.client.sendRequest(PREVIEW_REQUEST, { uri: userUri, expression })

test('every callback shape answers with a result or an E_PLAN problem with the reason', async () => {
  for (const { source, expected } of CALLBACK_SHAPES) {
    const answer = await preview(`User.query().preload('posts', ${source})`)
    if (Array.isArray(expected)) {
      assert.equal(answer.kind, 'result', `${source}: ${JSON.stringify(answer)}`)
      continue
    }
    assert.ok(answer.kind === 'error', `${source}: ${JSON.stringify(answer)}`)
    assert.equal(answer.code, 'E_PLAN', source)
    assert.match(answer.message, expected, source)
  }
})

test('unreadable hooks: other previews and the models list are intact; hooked relations say why', async () => {
  const other = await preview("User.query().preload('posts').withCount('comments')")
  assert.ok(other.kind === 'result', JSON.stringify(other))
  assert.deepEqual(other.result.warnings, [])
  const hooked = await preview("User.query().preload('publishedPosts')")
  assert.ok(hooked.kind === 'result', JSON.stringify(hooked))
  assert.equal(hooked.result.warnings.length, 1)
  assert.match(hooked.result.warnings[0] ?? '', BAD_HOOK_WARNING)
  const models: ModelsResult = await lsp.client.sendRequest(MODELS_REQUEST, { uri: userUri })
  assert.equal(models.apps[0]?.models.length, 6)
})
