// Watched-file events (a model created on disk), two apps in one session, and settings.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { test } from 'node:test'
import { FileChangeType } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { copyFixture, createTempApp, POST_MODEL, USER_MODEL } from '../support/temp-app'

const COMMENT_RELATION = USER_MODEL.replace(
  "import Post from '#models/post'",
  "import Post from '#models/post'\nimport Comment from '#models/comment'",
).replace(
  'declare posts: HasMany<typeof Post>',
  'declare posts: HasMany<typeof Post>\n\n  @hasMany(() => Comment)\n  declare comments: HasMany<typeof Comment>',
)

test('a model file created on disk is picked up through watched-file events', async (t) => {
  const app = createTempApp({ 'app/models/user.ts': COMMENT_RELATION })
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const user = await lsp.open(app.file('app/models/user.ts'))
  assert.deepEqual(await lsp.pull(user), [], 'an import that cannot be resolved yet is not a finding')
  const created = app.write(
    'app/models/comment.ts',
    POST_MODEL.replace('class Post', 'class Comment').replace('userId', 'authorId'),
  )
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToUri(created), type: FileChangeType.Created }],
  })
  assert.deepEqual(codesOf(await lsp.pull(user)), ['LL104'])
  const renamed = app.file('app/models/remark.ts')
  fs.renameSync(created, renamed)
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: pathToUri(created), type: FileChangeType.Deleted },
      { uri: pathToUri(renamed), type: FileChangeType.Created },
    ],
  })
  const afterRename = await lsp.pull(user)
  assert.deepEqual(
    codesOf(afterRename),
    ['LL104'],
    'the import no longer resolves, but the one class named Comment is found',
  )
  fs.unlinkSync(renamed)
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToUri(renamed), type: FileChangeType.Deleted }],
  })
  assert.deepEqual(await lsp.pull(user), [], 'with no Comment model left there is nothing to claim')
})

test('two apps in one session keep their own models', async (t) => {
  const monorepo = copyFixture('monorepo')
  const lsp = await LspHarness.start({ pull: true, rootPath: monorepo.root })
  t.after(async () => {
    await lsp.stop()
    monorepo.remove()
  })
  const shop = await lsp.open(monorepo.file('apps/shop/app/controllers/orders_controller.ts'))
  const blog = await lsp.open(monorepo.file('apps/blog/app/controllers/posts_controller.ts'))
  const [shopFinding, ...shopRest] = await lsp.pull(shop)
  const [blogFinding, ...blogRest] = await lsp.pull(blog)
  assert.deepEqual([shopRest, blogRest], [[], []])
  assert.equal(shopFinding?.range.start.line, 15)
  assert.match(
    String(shopFinding?.message),
    /"posts" is not defined as a relationship on "User" model\. .*"orders"/,
  )
  assert.equal(blogFinding?.range.start.line, 14)
  assert.match(
    String(blogFinding?.message),
    /"orders" is not defined as a relationship on "User" model\. .*"posts"/,
  )
})

test('diagnostics can be switched off in the settings', async (t) => {
  const app = createTempApp({ 'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId') })
  const lsp = await LspHarness.start({
    pull: true,
    rootPath: app.root,
    settings: { diagnostics: { enable: false } },
  })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const user = await lsp.open(app.file('app/models/user.ts'))
  assert.deepEqual(await lsp.pull(user), [])
})

// v6 (case-anything) splits digits, v5 (change-case) does not: the column of `user1Id` is
// user_1_id in v6 but user1_id in v5, so 'user_1_id' is a column name in one and unknown in the other.
const DIGIT_KEYS = {
  'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare user1Id'),
  'app/models/user.ts': USER_MODEL.replace(
    '@hasMany(() => Post)',
    "@hasMany(() => Post, { foreignKey: 'user_1_id' })",
  ),
}

for (const [lucidVersion, code] of [
  ['auto', 'LL103'],
  ['v6', 'LL103'],
  ['v5', 'LL101'],
] as const) {
  test(`lucidVersion ${lucidVersion} applies that generation's naming rules (${code})`, async (t) => {
    const app = createTempApp(DIGIT_KEYS)
    const lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings: { lucidVersion } })
    t.after(async () => {
      await lsp.stop()
      app.remove()
    })
    const user = await lsp.open(app.file('app/models/user.ts'))
    assert.deepEqual(codesOf(await lsp.pull(user)), [code])
  })
}
