// `lucid-lens preview` and `graph` with every callback shape, and with hooks of unreadable shapes in
// two models: one line naming the problem (never a stack trace), and the rest of the app unaffected.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { main } from '../../server/src/cli/main'
import { BAD_HOOK_WARNING, badHooksApp } from '../support/bad-hooks-app'
import { CALLBACK_SHAPES } from '../support/callback-shapes'

let app: { root: string; remove: () => void }
before(async () => {
  app = await badHooksApp()
})
after(() => app.remove())

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await main(args, (text) => (out += text + '\n'), false)
  return { code, out }
}

test('every callback shape previews, or is refused in one line with the reason and a caret', async () => {
  for (const { source, expected } of CALLBACK_SHAPES) {
    const { code, out } = await run(
      'preview',
      '--project',
      app.root,
      '--json',
      `User.query().preload('posts', ${source})`,
    )
    assert.doesNotMatch(out, /Debug Failure| {4}at /, source)
    if (Array.isArray(expected)) {
      assert.equal(code, 0, `${source}: ${out}`)
      assert.ok(JSON.parse(out).statements.length >= 2, source)
    } else {
      assert.equal(code, 2, `${source}: ${out}`)
      assert.match(out, expected, source)
      assert.match(out, /\n *\^\n/, source)
    }
  }
})

test('unreadable hooks in two models: other previews run, those relations run without the hook and say why', async () => {
  const other = await run(
    'preview',
    '--project',
    app.root,
    "User.query().preload('posts').withCount('comments')",
  )
  assert.equal(other.code, 0, other.out)
  assert.doesNotMatch(other.out, /Warning/)
  const hooked = await run(
    'preview',
    '--project',
    app.root,
    '--json',
    "User.query().preload('publishedPosts')",
  )
  assert.equal(hooked.code, 0, hooked.out)
  const warnings: string[] = JSON.parse(hooked.out).warnings
  assert.equal(warnings.length, 1, hooked.out)
  assert.match(warnings[0] ?? '', BAD_HOOK_WARNING)
  const post = await run('preview', '--project', app.root, '--json', "Post.query().withCount('comments')")
  assert.equal(post.code, 0, post.out)
  assert.match(
    JSON.parse(post.out).warnings[0] ?? '',
    /`5` is not supported in previews: it is not a call on "q"/,
  )
})

test('the graph of an app with unreadable hooks lists every model and relation', async () => {
  const { code, out } = await run('graph', app.root, '--format', 'json')
  assert.equal(code, 0, out)
  const json = JSON.parse(out)
  assert.equal(json.apps[0].models.length, 6)
  const user = json.apps[0].models.find((m: { name: string }) => m.name === 'User')
  assert.ok(user.relations.some((r: { name: string }) => r.name === 'publishedPosts'))
})
