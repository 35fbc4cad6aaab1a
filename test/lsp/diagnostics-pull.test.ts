// Pull diagnostics over JSON-RPC, as VS Code asks for them: edits in one file change the
// diagnostics of the files that depend on it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { createTempApp, POST_MODEL, USER_MODEL, USERS_CONTROLLER, type TempApp } from '../support/temp-app'

let app: TempApp
let lsp: LspHarness

before(async () => {
  app = createTempApp()
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

test('a correct app has no diagnostics', async () => {
  const user = await lsp.open(app.file('app/models/user.ts'))
  const controller = await lsp.open(app.file('app/controllers/users_controller.ts'))
  assert.deepEqual(await lsp.pull(user), [])
  assert.deepEqual(await lsp.pull(controller), [])
})

test('editing post.ts updates the diagnostics of user.ts', async () => {
  const post = await lsp.open(app.file('app/models/post.ts'))
  const user = await lsp.open(app.file('app/models/user.ts'))
  await lsp.replace(post, POST_MODEL.replace('declare userId', 'declare ownerId'))
  const diagnostics = await lsp.pull(user)
  assert.deepEqual(codesOf(diagnostics), ['LL104'])
  const [d] = diagnostics
  assert.equal(d?.source, 'lucid-lens')
  assert.match(
    String(d?.message),
    /default foreignKey "userId" \(camelCase\("User" \+ "_" \+ "id"\)\), but "Post" has no "userId"/,
  )
  assert.deepEqual(d?.range, { start: { line: 11, character: 3 }, end: { line: 11, character: 10 } })
  await lsp.replace(post, POST_MODEL)
  assert.deepEqual(await lsp.pull(user), [])
})

test('renaming a relation flags the controller that still uses the old name', async () => {
  const user = await lsp.open(app.file('app/models/user.ts'))
  const controller = await lsp.open(app.file('app/controllers/users_controller.ts'))
  await lsp.replace(user, USER_MODEL.replace('declare posts', 'declare articles'))
  const diagnostics = await lsp.pull(controller)
  assert.deepEqual(codesOf(diagnostics), ['LL201', 'LL201'])
  assert.ok(diagnostics.every((d) => String(d.message).includes('Known relations: "articles"')))
  await lsp.replace(user, USER_MODEL)
  assert.deepEqual(await lsp.pull(controller), [])
})

test('an unchanged project answers with an unchanged report', async () => {
  const controller = await lsp.open(app.file('app/controllers/users_controller.ts'))
  const first = await lsp.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: controller } })
  const second = await lsp.client.sendRequest('textDocument/diagnostic', {
    textDocument: { uri: controller },
    previousResultId: (first as { resultId: string }).resultId,
  })
  assert.equal((second as { kind: string }).kind, 'unchanged')
})

test('half-typed code never breaks the server', async () => {
  const user = await lsp.open(app.file('app/models/user.ts'))
  const controller = await lsp.open(app.file('app/controllers/users_controller.ts'))
  const steps = [
    '',
    'export default class User extends',
    '@hasMany(() => ',
    USER_MODEL.slice(0, 200),
    USER_MODEL + '\n  foo( {',
  ]
  for (const text of steps) {
    await lsp.replace(user, text)
    assert.ok(Array.isArray(await lsp.pull(user)))
    assert.ok(Array.isArray(await lsp.pull(controller)))
  }
  await lsp.replace(user, USER_MODEL + '\nexport function broken( {\n')
  assert.deepEqual(await lsp.pull(user), [], 'a syntax error after the class leaves its relations clean')
  await lsp.replace(user, USER_MODEL)
  assert.deepEqual(await lsp.pull(controller), [])
  assert.equal(USERS_CONTROLLER.length > 0, true)
})

test('a document closed and opened again with new text at version 1 is analysed anew', async () => {
  const post = await lsp.open(app.file('app/models/post.ts'))
  const user = await lsp.open(app.file('app/models/user.ts'))
  assert.deepEqual(await lsp.pull(user), [])
  await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: post } })
  await lsp.open(app.file('app/models/post.ts'), POST_MODEL.replace('declare userId', 'declare ownerId'))
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL104'])
  await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: post } })
  await lsp.open(app.file('app/models/post.ts'), POST_MODEL)
  assert.deepEqual(await lsp.pull(user), [])
})
