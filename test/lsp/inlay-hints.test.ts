// Inlay hints show the keys Lucid derives for hasMany/hasOne decorators that rely on defaults,
// only when `lucidLens.inlayHints.enable` is on and only inside the requested range.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { InlayHint, InlayHintLabelPart, MarkupContent, Range } from 'vscode-languageserver/node'
import { LspHarness } from '../support/lsp-harness'
import { copyFixture, type TempApp } from '../support/temp-app'

let app: TempApp
let on: LspHarness
let off: LspHarness

before(async () => {
  app = copyFixture('v6-app')
  on = await LspHarness.start({ pull: true, rootPath: app.root, settings: { inlayHints: { enable: true } } })
  off = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await on.stop()
  await off.stop()
  app.remove()
})

const WHOLE_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }

async function hints(lsp: LspHarness, file: string, range = WHOLE_FILE): Promise<InlayHint[]> {
  const uri = await lsp.open(app.file(file))
  return lsp.client.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range })
}

function text(hint: InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('')
}

function summary(list: InlayHint[]): string[] {
  return list.map((h) => `${h.position.line + 1}:${h.position.character} ${text(h)}`)
}

test('user.ts: each hasMany/hasOne with default keys gets the resolved defaults after its arguments', async () => {
  // Positions are 1-based lines, 0-based characters. posts, profile and comments (typed wrongly, but
  // keyed by Post) use both defaults; vehicles and reviews set only foreignKey (reviews' hint follows
  // its multi-line options object); articles and devices set both; auditEntries has no model.
  assert.deepEqual(summary(await hints(on, 'app/models/user.ts')), [
    '35:21 foreignKey: userId, localKey: id',
    '38:23 foreignKey: userId, localKey: id',
    '44:51 localKey: id',
    '50:21 foreignKey: userId, localKey: id',
    '55:3 localKey: id',
  ])
})

test('a hint has label parts with padding, a tooltip with the derivation and a link to the column', async () => {
  const [posts] = await hints(on, 'app/models/user.ts')
  assert.ok(posts && Array.isArray(posts.label))
  assert.equal(posts.paddingLeft, true)
  const parts = posts.label as InlayHintLabelPart[]
  assert.deepEqual(
    parts.map((p) => p.value),
    ['foreignKey: ', 'userId', ', ', 'localKey: ', 'id'],
  )
  const userId = parts[1]
  const tooltip = (userId?.tooltip as MarkupContent).value
  assert.match(
    tooltip,
    /camelCase\("User" \+ "_" \+ "id"\) = `userId`, the property Post\.userId \(column `user_id`\)/,
  )
  assert.match(userId?.location?.uri ?? '', /app\/models\/post\.ts$/)
  assert.deepEqual(userId?.location?.range.start, { line: 12, character: 10 })
  assert.match((parts[4]?.tooltip as MarkupContent).value, /the primary key of User = `id`/)
})

test('a default key that does not exist is still shown, with a tooltip that says so', async () => {
  const [items] = await hints(on, 'app/models/order.ts')
  assert.equal(items && text(items), 'foreignKey: orderId, localKey: id')
  const part = (items?.label as InlayHintLabelPart[])[1]
  assert.match((part?.tooltip as MarkupContent).value, /OrderItem has no such column property/)
  assert.equal(part?.location, undefined)
})

test('only hints inside the requested range are returned', async () => {
  const range: Range = { start: { line: 43, character: 0 }, end: { line: 44, character: 0 } }
  assert.deepEqual(summary(await hints(on, 'app/models/user.ts', range)), ['44:51 localKey: id'])
})

test('inherited and static primary keys give their own defaults', async () => {
  assert.deepEqual(
    summary(await hints(on, 'app/models/country.ts')).map((h) => h.split(' ').slice(1).join(' ')),
    ['foreignKey: countryCode, localKey: code'],
  )
})

test('no hints when the setting is off (the default) or outside an app', async () => {
  assert.deepEqual(await hints(off, 'app/models/user.ts'), [])
  const outside = await on.client.sendRequest('textDocument/inlayHint', {
    textDocument: { uri: 'untitled:Untitled-1' },
    range: WHOLE_FILE,
  })
  assert.deepEqual(outside, [])
})
