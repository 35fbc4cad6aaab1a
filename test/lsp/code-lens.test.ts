// "Preview <relation>" code lenses: listed without commands above each relation of a model, and
// given the preview command with its arguments when resolved; none outside models; a file in the
// middle of an edit still gets an answer.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import { after, before, test } from 'node:test'
import type { CodeLens } from 'vscode-languageserver/node'
import { codeLensFeature } from '../../server/src/features/code-lens'
import { COMMANDS, type PreviewRelatedArgs } from '../../server/src/protocol'
import { copyBlogApp } from '../support/blog-app'
import { LspHarness } from '../support/lsp-harness'
import type { TempApp } from '../support/temp-app'

let app: TempApp
let lsp: LspHarness

before(async () => {
  app = await copyBlogApp({ database: false })
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

function lenses(uri: string): Promise<CodeLens[]> {
  return lsp.client.sendRequest('textDocument/codeLens', { textDocument: { uri } })
}

function resolve(lens: CodeLens): Promise<CodeLens> {
  return lsp.client.sendRequest('codeLens/resolve', lens)
}

test('the server declares lenses that resolve lazily', () => {
  assert.deepEqual(codeLensFeature.capabilities({}), { codeLensProvider: { resolveProvider: true } })
})

test('user.ts: one lens per relation, above its decorator, resolved to a preview of it', async () => {
  const uri = await lsp.open(app.file('app/models/user.ts'))
  const listed = await lenses(uri)
  // 1-based lines of @hasMany/@belongsTo in examples/blog/app/models/user.ts.
  assert.deepEqual(
    listed.map((l) => [l.range.start.line + 1, l.range.start.character, l.command]),
    [
      [27, 2, undefined],
      [30, 2, undefined],
      [37, 2, undefined],
      [40, 2, undefined],
    ],
  )
  const resolved = await Promise.all(listed.map(resolve))
  assert.deepEqual(
    resolved.map((l) => l.command),
    ['posts', 'publishedPosts', 'comments', 'organization'].map((relation) => ({
      title: `Preview ${relation}`,
      command: COMMANDS.previewRelated,
      arguments: [{ uri, model: 'User', relation } satisfies PreviewRelatedArgs],
    })),
  )
  assert.deepEqual(
    resolved.map((l) => l.range),
    listed.map((l) => l.range),
  )
})

test('post.ts: belongsTo, hasMany and manyToMany relations all get a lens', async () => {
  const uri = await lsp.open(app.file('app/models/post.ts'))
  const resolved = await Promise.all((await lenses(uri)).map(resolve))
  assert.deepEqual(
    resolved.map((l) => l.command?.title),
    ['Preview author', 'Preview category', 'Preview comments', 'Preview approvedComments', 'Preview tags'],
  )
})

const NOT_A_MODEL = `import { hasMany } from '@adonisjs/lucid/orm'
import Post from '#models/post'

export class Digest {
  @hasMany(() => Post)
  declare posts: unknown
}
`

test('no lenses outside models: a controller, a migration, a plain class with a relation decorator', async () => {
  const files = [
    'app/controllers/posts_controller.ts',
    'database/migrations/1737000000004_create_posts_table.ts',
  ]
  for (const file of files) assert.deepEqual(await lenses(await lsp.open(app.file(file))), [], file)
  const digest = await lsp.open(app.file('app/services/digest.ts'), NOT_A_MODEL)
  assert.deepEqual(await lenses(digest), [])
})

async function titles(uri: string): Promise<(string | undefined)[]> {
  const resolved = await Promise.all((await lenses(uri)).map(resolve))
  return resolved.map((l) => l.command?.title)
}

test('a model in the middle of an edit still answers, without nameless lenses', async () => {
  const file = app.file('app/models/comment.ts')
  const uri = await lsp.open(file)
  const text = fs.readFileSync(file, 'utf8')
  // A new relation being typed at the end of the class: an unterminated string and object.
  await lsp.replace(uri, text.replace(/\n}\n$/, "\n\n  @hasMany(() => Post, { foreignKey: '\n}\n"))
  assert.deepEqual(await titles(uri), ['Preview post', 'Preview author'])
  // A decorator typed above the relations swallows them: a nameless member, which gets no lens.
  await lsp.replace(
    uri,
    text.replace(
      '\n  @belongsTo(() => Post)',
      '\n  @hasMany(() => Post, {\n  declare\n  @belongsTo(() => Post)',
    ),
  )
  assert.deepEqual(await titles(uri), [])
  await lsp.replace(uri, text)
  assert.deepEqual(await titles(uri), ['Preview post', 'Preview author'])
})
