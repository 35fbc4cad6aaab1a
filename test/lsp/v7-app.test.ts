// The AdonisJS 7 fixture through the language server: the generated schema classes are neither
// listed nor diagnosed, the models extending them are, and the Inertia frontend is no second app.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MODELS_REQUEST, type ModelsResult } from '../../server/src/protocol'
import { LspHarness } from '../support/lsp-harness'
import { copyFixture } from '../support/temp-app'

test('v7: pickers list the models, schema.ts has no finding, the models keep theirs', async (t) => {
  const app = copyFixture('v7-app')
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root, workspaceFolders: true })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const schemaUri = await lsp.open(app.file('database/schema.ts'))
  const taskUri = await lsp.open(app.file('app/models/task.ts'))
  await lsp.open(app.file('inertia/pages/types.ts'))
  assert.deepEqual(await lsp.pull(schemaUri), [])
  assert.deepEqual(
    (await lsp.pull(taskUri)).map((d) => [d.code, d.range.start.line + 1]),
    [
      ['LL406', 11],
      ['LL406', 15],
    ],
  )
  const answer: ModelsResult = await lsp.client.sendRequest(MODELS_REQUEST, {})
  assert.deepEqual(
    answer.apps.map((a) => a.root),
    [app.root],
  )
  const models = answer.apps[0]?.models ?? []
  assert.deepEqual(models.map((m) => m.name).sort(), ['Comment', 'Project', 'Task', 'User'])
  const user = models.find((m) => m.name === 'User')
  assert.equal(user?.table, 'users')
  assert.ok(user?.columns.includes('email'), 'columns inherited from UserSchema')
})
