// The AdonisJS 7 example app over LSP: diagnostics on the models and the generated database/schema.ts,
// the models request (what the pickers and the graph list) with the columns each model inherits.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { MODELS_REQUEST, type ModelsResult } from '../../server/src/protocol'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { repoRoot } from '../support/paths'

const source = path.join(repoRoot, 'examples', 'blog-v7')
let root: string
let lsp: LspHarness

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-lsp-v7-'))
  fs.cpSync(source, root, { recursive: true, filter: (from) => from !== path.join(source, 'tmp') })
  lsp = await LspHarness.start({ pull: true, rootPath: root })
})
after(async () => {
  await lsp.stop()
  fs.rmSync(root, { recursive: true, force: true })
})

test('the generated database/schema.ts has no finding; the planted mistake in post.ts is found', async () => {
  const schema = await lsp.open(path.join(root, 'database', 'schema.ts'))
  assert.deepEqual(codesOf(await lsp.pull(schema)), [])
  const post = await lsp.open(path.join(root, 'app', 'models', 'post.ts'))
  assert.deepEqual(codesOf(await lsp.pull(post)), ['LL103'])
  const user = await lsp.open(path.join(root, 'app', 'models', 'user.ts'))
  assert.deepEqual(codesOf(await lsp.pull(user)), [])
})

test('the models request lists the six models with the columns of their schema classes', async () => {
  const answer: ModelsResult = await lsp.client.sendRequest(MODELS_REQUEST, {})
  const models = answer.apps.flatMap((app) => app.models)
  assert.deepEqual(models.map((m) => m.name).sort(), [
    'Category',
    'Comment',
    'Organization',
    'Post',
    'Tag',
    'User',
  ])
  const user = models.find((m) => m.name === 'User')
  assert.equal(user?.table, 'users')
  assert.equal(user?.primaryKey, 'id')
  assert.deepEqual([...(user?.columns ?? [])].sort(), [
    'createdAt',
    'email',
    'fullName',
    'id',
    'organizationUuid',
    'updatedAt',
  ])
  const post = models.find((m) => m.name === 'Post')
  const author = post?.relations.find((r) => r.name === 'author')
  assert.deepEqual([author?.foreignKey, author?.localKey], ['userId', 'id'])
})
