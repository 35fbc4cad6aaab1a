// A document nested deeper than TypeScript can parse: one warning diagnostic on it and one log
// line, every other file analysed as before (with the document's last readable text), requests on
// it answered empty, and everything back once the nesting is gone.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { createTempApp, POST_MODEL } from '../support/temp-app'

test('a file nested too deeply is named once and the rest of the app keeps its answers', async (t) => {
  const app = createTempApp({ 'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId') })
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const userFile = app.file('app/models/user.ts')
  const original = readFileSync(userFile, 'utf8')
  const user = await lsp.open(userFile)
  const post = await lsp.open(app.file('app/models/post.ts'))
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL104'])
  const deep = `${original}\nconst deep = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`
  await lsp.replace(user, deep)
  for (let i = 0; i < 3; i++) {
    const diagnostics = await lsp.pull(user)
    assert.equal(diagnostics.length, 1)
    const line = original.split('\n').length + 1
    assert.equal(
      String(diagnostics[0]?.message).split(' (')[0],
      `Lucid Lens could not analyse this file: its brackets nest 3000 levels deep at line ${line}`,
    )
    assert.deepEqual(await lsp.pull(post), [])
    const hover = await lsp.client.sendRequest('textDocument/hover', {
      textDocument: { uri: user },
      position: { line: 17, character: 5 },
    })
    assert.equal(hover, null)
  }
  assert.equal(lsp.logs.filter((line) => line.includes('could not be analysed')).length, 1)
  assert.equal(lsp.logs.filter((line) => / failed:/.test(line)).length, 0, lsp.logs.join('\n'))
  // The model keeps the relation of its last readable text: its key check on Post still works.
  await lsp.replace(
    user,
    original.replace('@hasMany(() => Post)', "@hasMany(() => Post, { foreignKey: 'ownerId' })"),
  )
  assert.deepEqual(codesOf(await lsp.pull(user)), [])
  assert.ok(lsp.logs.some((line) => line.includes('is analysed again')))
})

const UNARY: [number, string][] = [
  [20_000, "TypeScript's parser runs out of stack on it (code nested too deeply)"],
  [3_000, 'its syntax nests more than 500 levels deep'],
]

for (const [count, reason] of UNARY) {
  test(`${count} \`!\` in a row (nesting brackets do not show): ${reason}`, async (t) => {
    const app = createTempApp({
      'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId'),
    })
    const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
    t.after(async () => {
      await lsp.stop()
      app.remove()
    })
    const userFile = app.file('app/models/user.ts')
    const original = readFileSync(userFile, 'utf8')
    const user = await lsp.open(userFile)
    const post = await lsp.open(app.file('app/models/post.ts'))
    assert.deepEqual(codesOf(await lsp.pull(user)), ['LL104'])
    await lsp.replace(user, `${original}\nconst deep = ${'!'.repeat(count)}1\n`)
    const diagnostics = await lsp.pull(user)
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [`Lucid Lens could not analyse this file: ${reason}. Other files see its last readable version.`],
    )
    assert.deepEqual(await lsp.pull(post), [])
    assert.equal(lsp.logs.filter((line) => / failed:/.test(line)).length, 0, lsp.logs.join('\n'))
    await lsp.replace(user, original)
    assert.deepEqual(codesOf(await lsp.pull(user)), ['LL104'])
  })
}

test('a rename that would edit a file set aside is refused with the reason', async (t) => {
  const postText = POST_MODEL.replace('declare userId', 'declare ownerId')
  const app = createTempApp({ 'app/models/post.ts': postText })
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const userFile = app.file('app/models/user.ts')
  const keyed = readFileSync(userFile, 'utf8').replace(
    '@hasMany(() => Post)',
    "@hasMany(() => Post, { foreignKey: 'ownerId' })",
  )
  const user = await lsp.open(userFile, keyed)
  const post = await lsp.open(app.file('app/models/post.ts'))
  assert.deepEqual(codesOf(await lsp.pull(user)), [])
  const lines = postText.split('\n')
  const line = lines.findIndex((l) => l.includes('declare ownerId'))
  const position = { line, character: (lines[line] ?? '').indexOf('ownerId') + 2 }
  const rename = () =>
    lsp.client.sendRequest('textDocument/rename', {
      textDocument: { uri: post },
      position,
      newName: 'authorId',
    })
  const edits = (await rename()) as { changes: Record<string, unknown[]> }
  assert.deepEqual(Object.keys(edits.changes).sort(), [post, user].sort())
  await lsp.replace(user, `${keyed}\nconst deep = ${'('.repeat(2000)}1${')'.repeat(2000)}\n`)
  await assert.rejects(rename(), /user\.ts uses this name but could not be analysed \(its brackets nest 2000/)
})
