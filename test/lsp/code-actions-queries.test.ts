// Quick fixes for the query checks over JSON-RPC on the schema fixture app (its migrations are the
// schema): the did-you-mean column (LL601) and handing a query its transaction (LL603). Each fix is
// applied, and re-analysis shows that finding gone and nothing new.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixesAt, fixtureSession, pickAction as pick } from './fix-runner'

const FILE = 'app/controllers/posts_controller.ts'
const session = fixtureSession('schema-app')

/** [1-based line, code, title of the action to apply, the line's text after the fix] */
const CASES: [number, string, string, RegExp][] = [
  [11, 'LL601', "Change to 'title'", /\.where\('title', term\)/],
  [15, 'LL601', "Change to 'category_id'", /where\(\{ userId: 1, category_id: 2 \}\)/],
  [38, 'LL601', "Change to 'title'", /query\(\)\.where\('title', term\)/],
  [40, 'LL601', "Change to 'body'", /q\.where\('body', 'like', term\)/],
  [45, 'LL601', "Change to 'posts.title'", /q\.where\('posts\.title', term\)/],
  [95, 'LL601', "Change to 'organization_id'", /where\('organization_id', 1\)/],
  [71, 'LL603', 'Pass { client: trx }', /body: 'first' \}, \{ client: trx \}\)/],
  [72, 'LL603', 'Pass { client: trx }', /await Post\.query\(\{ client: trx \}\)\.where/],
  [75, 'LL603', 'Call useTransaction(trx) first', /await user\.useTransaction\(trx\)\.related\('posts'\)/],
]

const quickFixes = (code: string, line: number) => fixesAt(session, FILE, code, line)

for (const [line, code, title, after] of CASES) {
  test(`${code} at ${FILE}:${line}: "${title}" removes the finding and adds none`, async () => {
    const { uri, diagnostic, fixes } = await quickFixes(code, line)
    const action = pick(fixes, title)
    assert.deepEqual(action.diagnostics, [diagnostic], 'attached to the diagnostic it fixes')
    await session.run.applyAndRecheck(uri, code, action)
    assert.match(session.run.text(uri).split('\n')[line - 1] ?? '', after)
  })
}

test('no quick fix where the right text is not known', async () => {
  // `'titel as heading'`: replacing the literal would drop the alias; `writtenAt`: no near name;
  // LL602: which rows were meant is the author's call.
  for (const [code, line] of [
    ['LL601', 16],
    ['LL601', 42],
    ['LL602', 51],
  ] as const)
    assert.deepEqual((await quickFixes(code, line)).fixes, [], `${code} at line ${line}`)
})
