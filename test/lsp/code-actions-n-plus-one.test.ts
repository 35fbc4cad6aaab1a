// Quick fixes of LL501 (a query per row in a loop) and LL502 (a relation read that was never
// loaded) over JSON-RPC on the v6 fixture app: each is applied, re-analysed, and its text checked.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CodeAction } from 'vscode-languageserver/node'
import { fixesAt, fixtureSession } from './fix-runner'

const session = fixtureSession('v6-app')

const DIGEST = 'app/services/digest_service.ts'
const DASHBOARD = 'app/controllers/dashboard_controller.ts'
const REPORT = 'app/services/report_service.ts'

/** [file, 1-based line, code, title of the action to apply] */
const CASES: [string, number, string, string][] = [
  [DIGEST, 11, 'LL501', "Add .preload('posts') to the query and drop the per-row load"],
  [DIGEST, 20, 'LL501', "Add .withCount('posts') to the query and drop the per-row loadCount"],
  [DIGEST, 28, 'LL501', "Add .preload('tags') to the query and drop the per-row load"],
  [DIGEST, 48, 'LL501', "Add .preload('profile') to the query and drop the per-row load"],
  [DIGEST, 61, 'LL501', "Add .preload('vehicles') to the query and drop the per-row load"],
  [DASHBOARD, 10, 'LL502', "Load 'posts' right after fetching user"],
  [DASHBOARD, 18, 'LL502', "Add .preload('user') to the query"],
  [DASHBOARD, 19, 'LL502', "Add .preload('comments') to the query"],
  [DASHBOARD, 33, 'LL502', "Add .preload('tags') to the query"],
  [REPORT, 10, 'LL501', "Add .preload('posts') to the query and drop the per-row load"],
  [REPORT, 19, 'LL501', "Add .preload('profile') to the query and drop the per-row load"],
  [REPORT, 52, 'LL501', "Add .preload('vehicles') to the query and drop the per-row load"],
  [REPORT, 70, 'LL501', "Add .preload('tags') to the query and drop the per-row load"],
  [REPORT, 78, 'LL501', "Add .withCount('comments') to the query and drop the per-row loadCount"],
  [REPORT, 247, 'LL501', "Add .preload('posts') to the query and drop the per-row load"],
  [REPORT, 88, 'LL502', "Add .preload('user') to the query"],
  [REPORT, 90, 'LL502', "Add .preload('comments') to the query"],
]

const quickFixes = (file: string, code: string, line: number) => fixesAt(session, file, code, line)

function only(actions: CodeAction[], title: string): CodeAction {
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [[title, true]],
  )
  return actions[0] as CodeAction
}

for (const [file, line, code, title] of CASES) {
  test(`${code} at ${file}:${line}: "${title}" removes the finding and adds none`, async () => {
    const { uri, diagnostic, fixes } = await quickFixes(file, code, line)
    const action = only(fixes, title)
    assert.deepEqual(action.diagnostics, [diagnostic], 'attached to the diagnostic it fixes')
    await session.run.applyAndRecheck(uri, code, action)
  })
}

/** The file's text after the finding's only quick fix. */
async function textAfterFix(file: string, code: string, line: number): Promise<string> {
  const { uri, fixes } = await quickFixes(file, code, line)
  await session.run.apply(only(fixes, fixes[0]?.title ?? ''))
  return session.run.text(uri)
}

/** [file, 1-based line, code, what the fix does, text it leaves, text it must not leave] */
const RESULTS: [string, number, string, string, string, string?][] = [
  [
    DIGEST,
    11,
    'LL501',
    'in a for…of loop: the preload joins the query and the loop that only loaded goes',
    "const users = await User.query().preload('posts').where('email', 'like', '%@example.com').orderBy('id')\n    return users\n",
  ],
  [
    DIGEST,
    20,
    'LL501',
    'with loadCount: the per-row statement goes, the rest of the loop stays',
    "User.query().withCount('posts').orderBy('created_at', 'desc').paginate(page, 20)\n    for (const author of authors) {\n      if (!author.email) continue\n      author.$extras.label",
  ],
  [
    DIGEST,
    48,
    'LL501',
    'keeps the load callback: it moves into preload unchanged',
    "User.query({ client: trx }).preload('profile', (profileQuery) => profileQuery.select('id', 'user_id', 'bio')).whereNotNull('full_name')\n      return users",
    'users.forEach',
  ],
  [
    REPORT,
    10,
    'LL501',
    'in an indexed for loop: the loop that only loaded `users[i]` goes',
    "const users = await User.query().preload('posts').orderBy('id')\n    return users\n",
  ],
  [
    REPORT,
    19,
    'LL501',
    'through `const user = users[i]`: the row declaration goes with the loop',
    "const users = await User.query().preload('profile').whereNotNull('full_name')\n    return users\n",
  ],
  [
    REPORT,
    52,
    'LL501',
    'in a while loop: the loop and its `let index = 0` go',
    "const users = await User.query().preload('vehicles').whereNotNull('email')\n    return users\n",
    'let index',
  ],
  [
    REPORT,
    70,
    'LL501',
    'in a for…in loop: the preload joins the query and the loop goes',
    "const posts = await Post.query().preload('tags').where('slug', 'like', 'news-%')\n    return posts\n",
  ],
  [
    REPORT,
    78,
    'LL501',
    'over entries(): the count joins the query, the rest of the loop stays',
    "Post.query().withCount('comments').orderBy('published_at', 'desc')\n    for (const [rank, post] of posts.entries()) {\n      post.$extras.rank = rank + 1\n    }",
  ],
  [
    REPORT,
    247,
    'LL501',
    'in a while loop whose index is read after it: the loop goes, `let i = 0` stays',
    "const users = await User.query().preload('posts').orderBy('id')\n    let i = 0\n    return { users, visited: i }",
  ],
  [
    DASHBOARD,
    10,
    'LL502',
    'after a finder: the load goes right after the statement that fetched the row',
    "const user = await User.findOrFail(params.id)\n    await user.load('posts')\n    const postCount = user.posts.length",
  ],
]

for (const [file, line, code, does, leaves, gone] of RESULTS) {
  test(`${code} at ${file}:${line} ${does}`, async () => {
    const text = await textAfterFix(file, code, line)
    assert.ok(text.includes(leaves), text)
    if (gone) assert.equal(text.includes(gone), false, `${gone} is gone`)
  })
}

test('LL501 on related().query(), on hand-written lookups, or on a read that steps a while index has no quick fix', async () => {
  assert.deepEqual((await quickFixes(DIGEST, 'LL501', 37)).fixes, [])
  // A hand-written lookup's result is used as a value: rewriting it to the relation is not mechanical.
  assert.deepEqual((await quickFixes(DIGEST, 'LL501', 102)).fixes, [])
  assert.deepEqual((await quickFixes(REPORT, 'LL501', 29)).fixes, [])
  assert.deepEqual((await quickFixes(REPORT, 'LL501', 41)).fixes, [])
  // Dropping `await users[n++].load(...)` would drop the step too: the loop would never end.
  assert.deepEqual((await quickFixes(REPORT, 'LL501', 61)).fixes, [])
})

/** Changes the settings and waits for the server to ask the client to pull again. */
async function changeSettings(settings: unknown): Promise<void> {
  const refreshed = new Promise<void>((resolve) =>
    session.lsp.client.onRequest('workspace/diagnostic/refresh', () => {
      resolve()
      return null
    }),
  )
  session.lsp.setSettings(settings)
  await session.lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} })
  await refreshed
}

test('LL503 is off until a severity setting names it; then it shows with that severity', async () => {
  const uri = await session.run.open(session.app.file(DIGEST))
  const ll503 = async () => (await session.lsp.pull(uri)).filter((d) => d.code === 'LL503')
  assert.deepEqual(await ll503(), [])
  await changeSettings({ diagnostics: { severity: { LL503: 'information' } } })
  try {
    const shown = await ll503()
    assert.deepEqual(
      shown.map((d) => [d.range.start.line + 1, d.severity]),
      [[84, 3]],
    )
  } finally {
    await changeSettings({})
  }
})
