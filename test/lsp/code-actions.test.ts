// Quick fixes over JSON-RPC on the v6 fixture app: every planted finding with a clear fix is fixed
// by applying the action's edits, and re-analysis shows that finding gone and nothing new.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CodeAction } from 'vscode-languageserver/node'
import { fixesAt, fixtureSession, pickAction as pick } from './fix-runner'

const session = fixtureSession('v6-app')

/** [file, 1-based line, code, title of the action to apply] */
const CASES: [string, number, string, string][] = [
  ['app/models/user.ts', 54, 'LL101', "Change to 'authorId'"],
  ['app/models/newsletter.ts', 20, 'LL101', "Change to 'newsletterId'"],
  ['app/models/customer.ts', 17, 'LL103', "Use the property name 'customerId'"],
  ['app/models/order.ts', 20, 'LL104', "Add column 'orderId' to OrderItem"],
  ['app/models/post.ts', 70, 'LL106', 'Add @column() to Post.legacyId'],
  ['app/models/team.ts', 13, 'LL106', 'Add @column() to Membership.teamId'],
  ['app/controllers/users_controller.ts', 16, 'LL201', "Change to 'articles'"],
  ['app/controllers/users_controller.ts', 25, 'LL201', "Change to 'posts'"],
  ['app/controllers/users_controller.ts', 45, 'LL201', "Change to 'user'"],
  ['app/controllers/users_controller.ts', 51, 'LL201', "Change to 'tags'"],
  ['app/controllers/users_controller.ts', 83, 'LL201', "Change to 'devices'"],
  ['app/controllers/users_controller.ts', 89, 'LL201', "Change to 'vehicles'"],
  ['app/controllers/posts_controller.ts', 71, 'LL201', "Change to 'author'"],
  ['app/controllers/catalog_controller.ts', 39, 'LL201', "Change to 'reviews'"],
  [
    'app/models/post.ts',
    64,
    'LL301',
    'Run the preload only outside subqueries (if (!query.isRelatedSubQuery))',
  ],
  ['app/controllers/posts_controller.ts', 55, 'LL302', 'Add groupLimit(10)'],
  ['app/controllers/catalog_controller.ts', 20, 'LL302', 'Add groupLimit(10)'],
  ['app/controllers/posts_controller.ts', 59, 'LL303', "Add direction 'asc'"],
  ['app/controllers/posts_controller.ts', 59, 'LL303', "Add direction 'desc'"],
  ['app/controllers/catalog_controller.ts', 20, 'LL303', "Add direction 'desc'"],
  ['app/controllers/posts_controller.ts', 12, 'LL304', "Use the column name 'created_at'"],
  ['app/controllers/users_controller.ts', 61, 'LL305', "Match existing rows on 'slug'"],
  ['app/controllers/users_controller.ts', 72, 'LL305', "Match existing rows on 'slug'"],
]

const quickFixes = (file: string, code: string, line: number) => fixesAt(session, file, code, line)

for (const [file, line, code, title] of CASES) {
  test(`${code} at ${file}:${line}: "${title}" removes the finding and adds none`, async () => {
    const { uri, diagnostic, fixes } = await quickFixes(file, code, line)
    const action = pick(fixes, title)
    assert.deepEqual(action.diagnostics, [diagnostic], 'attached to the diagnostic it fixes')
    await session.run.applyAndRecheck(uri, code, action)
  })
}

test('the obvious fix is preferred; guesses and either-or choices are not', async () => {
  const preferred = async (file: string, code: string, line: number) =>
    (await quickFixes(file, code, line)).fixes.map((a) => [a.title, a.isPreferred === true])
  assert.deepEqual(await preferred('app/models/user.ts', 'LL101', 54), [["Change to 'authorId'", true]])
  assert.deepEqual(await preferred('app/controllers/posts_controller.ts', 'LL303', 59), [
    ["Add direction 'asc'", false],
    ["Add direction 'desc'", false],
  ])
  assert.deepEqual(await preferred('app/controllers/users_controller.ts', 'LL305', 61), [
    ["Match existing rows on 'slug'", false],
  ])
})

test('findings without a clear fix get no quick fix', async () => {
  const cases: [string, string, number][] = [
    ['app/models/workspace.ts', 'LL105', 15],
    ['app/models/user.ts', 'LL107', 50],
    ['app/models/user.ts', 'LL108', 64],
    ['app/models/user.ts', 'LL109', 60],
    ['app/models/product.ts', 'LL102', 32], // no did-you-mean: which property was meant is unknown
    ['app/controllers/users_controller.ts', 'LL201', 31],
  ]
  for (const [file, code, line] of cases)
    assert.deepEqual((await quickFixes(file, code, line)).fixes, [], code)
})

test('LL104 adds the column after the last column in the file style, with the local key type', async () => {
  const { uri, fixes } = await quickFixes('app/models/order.ts', 'LL104', 20)
  await session.run.apply(pick(fixes, "Add column 'orderId' to OrderItem"))
  const item = await session.run.open(session.app.file('app/models/order_item.ts'))
  assert.match(
    session.run.text(item),
    /declare unitPriceCents: number\n\n {2}@column\(\)\n {2}declare orderId: number\n\n {2}@belongsTo/,
  )
  assert.equal(session.run.text(uri).includes('orderId'), false, 'the parent file is untouched')
})

test('LL106 decorates the plain property where it is declared, keeping its indentation', async () => {
  const { fixes } = await quickFixes('app/models/team.ts', 'LL106', 13)
  await session.run.apply(pick(fixes, 'Add @column() to Membership.teamId'))
  const membership = await session.run.open(session.app.file('app/models/membership.ts'))
  assert.match(
    session.run.text(membership),
    /declare userId: number\n\n {2}@column\(\)\n {2}declare teamId: number\n/,
  )
})

test('LL301 wraps the statement in a guard named after the onQuery parameter', async () => {
  const { uri, fixes } = await quickFixes('app/models/post.ts', 'LL301', 64)
  await session.run.apply(fixes[0] as CodeAction)
  assert.ok(
    session.run
      .text(uri)
      .includes(
        "    onQuery: (query) => {\n      if (!query.isRelatedSubQuery) {\n        query.orderBy('created_at', 'desc').preload('user')\n      } // expect LL301\n    },",
      ),
  )
})

test('quick fixes follow the request range and `only`', async () => {
  const uri = await session.run.open(session.app.file('app/controllers/catalog_controller.ts'))
  const line20 = { start: { line: 19, character: 0 }, end: { line: 19, character: 80 } }
  const all = await session.run.actions(uri, line20)
  assert.deepEqual(all.map((a) => a.title).sort(), [
    "Add direction 'asc'",
    "Add direction 'desc'",
    'Add groupLimit(10)',
  ])
  assert.deepEqual(await session.run.actions(uri, line20, [], ['refactor']), [])
  const elsewhere = { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }
  assert.deepEqual(await session.run.actions(uri, elsewhere), [])
})
