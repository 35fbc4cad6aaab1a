// Quick fixes over JSON-RPC on the relations fixture app (belongsTo, manyToMany, hasManyThrough):
// each action's edits are applied, and re-analysis shows that finding gone and nothing new.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixesAt, fixtureSession, pickAction as pick } from './fix-runner'

const session = fixtureSession('relations-app')

/** [file, 1-based line, code, title of the action to apply] */
const CASES: [string, number, string, string][] = [
  ['app/models/course.ts', 49, 'LL101', "Change to 'categoryId'"],
  ['app/models/course.ts', 46, 'LL102', "Change to 'id'"],
  ['app/models/course.ts', 40, 'LL103', "Use the property name 'reviewerId'"],
  ['app/models/course.ts', 37, 'LL104', "Set foreignKey to 'editorId'"],
  ['app/models/course.ts', 37, 'LL104', "Add column 'userId' to Course"],
  ['app/models/lesson.ts', 25, 'LL106', 'Add @column() to Lesson.draftCourseId'],
  ['app/models/team.ts', 20, 'LL101', "Change to 'teamId'"],
  ['app/models/team.ts', 23, 'LL103', "Use the property name 'courseId'"],
  ['app/models/team.ts', 26, 'LL102', "Change to 'id'"],
  ['app/models/user.ts', 46, 'LL102', "Change to 'slug'"],
  ['app/models/user.ts', 49, 'LL103', "Use the property name 'labelCode'"],
  ['app/models/user.ts', 31, 'LL407', "Change to 'completed_at'"],
  ['app/models/user.ts', 37, 'LL407', "Set pivotTable to 'memberships'"],
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

test('a belongsTo key named after the relation is the preferred LL104 fix; elsewhere the column is', async () => {
  const titles = async (file: string, line: number) =>
    (await quickFixes(file, 'LL104', line)).fixes.map((a) => [a.title, a.isPreferred === true])
  assert.deepEqual(await titles('app/models/course.ts', 37), [
    ["Set foreignKey to 'editorId'", true],
    ["Add column 'userId' to Course", false],
  ])
  assert.deepEqual(await titles('app/models/user.ts', 75), [["Add column 'userId' to Course", true]])
})

test('the column added for a hasManyThrough default key also is the belongsTo default', async () => {
  const { uri, fixes } = await quickFixes('app/models/user.ts', 'LL104', 75)
  const course = await session.run.open(session.app.file('app/models/course.ts'))
  assert.ok((await session.lsp.pull(course)).some((d) => d.code === 'LL104'))
  await session.run.apply(pick(fixes, "Add column 'userId' to Course"))
  assert.match(
    session.run.text(course),
    /declare reviewerId: number \| null\n\n {2}@column\(\)\n {2}declare userId: number\n/,
  )
  assert.deepEqual(
    (await session.lsp.pull(uri)).filter((d) => d.code === 'LL104'),
    [],
  )
  // Course.editor's default foreign key is userId too (Lucid names it after User, not after editor).
  assert.deepEqual(
    (await session.lsp.pull(course)).filter((d) => d.code === 'LL104' || d.code === 'LL406'),
    [],
  )
})

test('the default pivot table becomes an explicit option in the decorator', async () => {
  const { uri, fixes } = await quickFixes('app/models/user.ts', 'LL407', 37)
  await session.run.apply(pick(fixes, "Set pivotTable to 'memberships'"))
  assert.ok(session.run.text(uri).includes("@manyToMany(() => Team, { pivotTable: 'memberships' })"))
})

test('findings without a clear fix get no quick fix', async () => {
  const cases: [string, string, number][] = [
    ['app/models/lesson.ts', 'LL105', 29],
    ['app/models/user.ts', 'LL105', 53],
    ['app/models/lesson.ts', 'LL109', 32],
    ['app/models/user.ts', 'LL402', 40],
    ['app/models/user.ts', 'LL403', 60],
  ]
  for (const [file, code, line] of cases)
    assert.deepEqual((await quickFixes(file, code, line)).fixes, [], code)
})
