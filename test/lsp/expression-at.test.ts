// `lucidLens/expressionAt` over JSON-RPC on the example app: the code under a selection as written,
// the outermost chain around the cursor, and the model its variable holds (from the analysis, else
// from the type checker). No database is involved.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { EXPRESSION_AT_REQUEST, type ExpressionAtResult } from '../../server/src/protocol'
import { LspHarness } from '../support/lsp-harness'
import { repoRoot } from '../support/paths'

let app: string
let lsp: LspHarness

before(async () => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-lsp-expression-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  lsp = await LspHarness.start({ pull: true, rootPath: app, settings: {} })
})
after(async () => {
  await lsp.stop()
  fs.rmSync(app, { recursive: true, force: true })
})

test('a selection as written, its variable typed by the code', async () => {
  const file = path.join(app, 'app', 'controllers', 'users_controller.ts')
  const text = fs.readFileSync(file, 'utf8')
  const uri = await lsp.open(file, text)
  const selected = "await user\n      .related('posts')\n      .query()"
  const start = text.indexOf(selected)
  const answer: ExpressionAtResult = await lsp.client.sendRequest(EXPRESSION_AT_REQUEST, {
    uri,
    range: { start: position(text, start), end: position(text, start + selected.length) },
  })
  assert.deepEqual(answer, {
    kind: 'expression',
    // Dedented: the statement's own indentation (4 spaces) is not part of the code.
    expression: "user\n  .related('posts')\n  .query()",
    variables: [{ name: 'user', model: 'User' }],
  })
})

test('the cursor takes the outermost chain around it, without await', async () => {
  const file = path.join(app, 'app', 'controllers', 'users_controller.ts')
  const text = fs.readFileSync(file, 'utf8')
  const uri = await lsp.open(file, text)
  const at = async (needle: string, shift = 0): Promise<ExpressionAtResult> => {
    const offset = text.indexOf(needle) + shift
    const cursor = position(text, offset)
    return lsp.client.sendRequest(EXPRESSION_AT_REQUEST, { uri, range: { start: cursor, end: cursor } })
  }
  const active =
    "User.query()\n  .whereHas('posts', (posts) => posts.where('isPublished', true), '>=', 2)\n" +
    "  .preload('posts', (posts) => posts.groupLimit(3).groupOrderBy('createdAt', 'desc'))"
  for (const needle of ['whereHas', "posts.where('isPublished'", 'groupLimit'])
    assert.deepEqual(await at(needle, 2), { kind: 'expression', expression: active, variables: [] }, needle)
  const latest = await at("orderBy('publishedAt'")
  assert.equal(latest.kind === 'expression' && latest.expression.split('\n')[0], 'user')
  assert.deepEqual(latest.kind === 'expression' && latest.variables, [{ name: 'user', model: 'User' }])
  const nowhere = await at('export default class')
  assert.equal(nowhere.kind === 'error' && nowhere.code, 'E_PLAN')
})

test("the type checker names a variable's model when the syntax does not", async () => {
  const file = path.join(app, 'app', 'controllers', 'drafts_controller.ts')
  const text = `import Post from '#models/post'

function pick() {
  return new Post()
}

export async function show() {
  const draft = pick()
  return draft.related('comments').query()
}
`
  const uri = await lsp.open(file, text)
  const cursor = position(text, text.indexOf("related('comments')"))
  const answer: ExpressionAtResult = await lsp.client.sendRequest(EXPRESSION_AT_REQUEST, {
    uri,
    range: { start: cursor, end: cursor },
  })
  assert.deepEqual(answer, {
    kind: 'expression',
    expression: "draft.related('comments').query()",
    variables: [{ name: 'draft', model: 'Post' }],
  })
})

test('a selection that is not previewable says why', async () => {
  const file = path.join(app, 'app', 'controllers', 'posts_controller.ts')
  const text = fs.readFileSync(file, 'utf8')
  const uri = await lsp.open(file, text)
  const selected = 'Post.findOrFail(params.id)'
  const start = text.indexOf(selected)
  const answer: ExpressionAtResult = await lsp.client.sendRequest(EXPRESSION_AT_REQUEST, {
    uri,
    range: { start: position(text, start), end: position(text, start + selected.length) },
  })
  assert.deepEqual(answer, {
    kind: 'error',
    code: 'E_PLAN',
    message:
      '`params.id` is not supported in previews: expected a literal value (string, number, boolean, null, array or object)',
  })
})

test('the cursor in a chain the reader refuses gives its reason, as the selection does', async () => {
  const file = path.join(app, 'app', 'controllers', 'pages_controller.ts')
  const text = `import User from '#models/user'

export default class PagesController {
  async index(page: number, params: { id: number }) {
    const users = await User.query()
      .where('email', 'like', '%@example.com')
      .paginate(page, 20)
    const one = await User.query().where('id', params.id).first()
    return [users, one]
  }
}
`
  const uri = await lsp.open(file, text)
  const at = (needle: string, length = 0): Promise<ExpressionAtResult> => {
    const start = text.indexOf(needle)
    return lsp.client.sendRequest(EXPRESSION_AT_REQUEST, {
      uri,
      range: { start: position(text, start + (length ? 0 : 1)), end: position(text, start + (length || 1)) },
    })
  }
  // \`page\` is a free value: the chain is found, and the preview asks for its value.
  const paginated = {
    kind: 'expression',
    expression: "User.query()\n  .where('email', 'like', '%@example.com')\n  .paginate(page, 20)",
    variables: [],
  }
  assert.deepEqual(await at('paginate'), paginated)
  const selection = "User.query()\n      .where('email', 'like', '%@example.com')\n      .paginate(page, 20)"
  const start = text.indexOf(selection)
  assert.deepEqual(
    await lsp.client.sendRequest(EXPRESSION_AT_REQUEST, {
      uri,
      range: { start: position(text, start), end: position(text, start + selection.length) },
    }),
    paginated,
  )
  // Code the reader refuses: the cursor gives the same reason as the selection, not "No Lucid query here".
  const refused = {
    kind: 'error',
    code: 'E_PLAN',
    message:
      '`params.id` is not supported in previews: expected a literal value (string, number, boolean, null, array or object)',
  }
  assert.deepEqual(await at("where('id'"), refused)
  const chain = "User.query().where('id', params.id).first()"
  assert.deepEqual(await at(chain, chain.length), refused)
})

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length }
}
