// A relation's hover lists the schema findings on it too, not only the model findings.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { LspHarness } from '../support/lsp-harness'
import { copyFixture } from '../support/temp-app'

test('the hover of a relation with a schema problem names the LL4xx finding', async (t) => {
  const app = copyFixture('schema-app')
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(app.file('app/models/user.ts'))
  // Line 38 is `@hasMany(() => Device) // expect LL404`: hover the decorator name.
  const hover = (await lsp.client.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 37, character: 4 },
  })) as { contents: { value: string } } | null
  assert.ok(hover, 'a hover on the decorator')
  assert.match(hover.contents.value, /LL404/)
  assert.match(hover.contents.value, /bigint/)
})
