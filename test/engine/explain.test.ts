// Query plans of previews on a real SQLite file: EXPLAIN QUERY PLAN is sent only as a prefix of the
// read the preview just ran, its rows become a tree, a full scan on a relation's key links to LL405,
// and an index the user adds is seen (dry runs with plans: dry-run-safety.test.ts).
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { afterEach, beforeEach, test } from 'node:test'
import { SqliteExecutor } from '../../engine/src/connection/sqlite-executor'
import { planNodes, type StatementPlan } from '../../engine/src/explain/plan-tree'
import { previewSqlite } from '../../engine/src/preview'
import { PreviewError } from '../../engine/src/query/errors'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { chain } from './support/plan-recorder'

const nodesOf = (plan: StatementPlan | undefined) => [...planNodes(plan?.nodes ?? [])]

let file = ''
beforeEach(() => {
  file = createFixtureDatabase()
})
afterEach(() => removeFixtureDatabase(file))

test('every read of a preview gets its plan; a full scan on posts.user_id names User.posts and LL405', async () => {
  const plan = chain('User', (u) => u.query().where('id', 1).preload('posts'))
  const result = await previewSqlite(FIXTURE_GRAPH, plan, file, { explain: 'plan' })
  assert.equal(result.statements.length, 2)
  const [users, posts] = result.statements.map((s) => s.plan)
  assert.equal(users?.dialect, 'sqlite')
  const lookup = nodesOf(users).find((n) => n.table === 'users')
  assert.equal(lookup?.operation, 'SEARCH')
  assert.equal(lookup?.fullScan, false)
  assert.equal(lookup?.index, 'PRIMARY KEY')
  const scan = nodesOf(posts).find((n) => n.table === 'posts')
  assert.equal(scan?.operation, 'SCAN')
  assert.equal(scan?.fullScan, true)
  assert.equal(scan?.foreignKeyScan?.code, 'LL405')
  assert.equal(scan?.foreignKeyScan?.relation, 'User.posts')
  assert.equal(scan?.foreignKeyScan?.column, 'user_id')
  assert.match(scan?.foreignKeyScan?.message ?? '', /no index used for user_id, the key User\.posts .*LL405/)
  // The rows are those of a preview without plans.
  const plain = await previewSqlite(FIXTURE_GRAPH, plan, file)
  assert.deepEqual(result.result, plain.result)
  assert.equal(plain.statements[0]?.plan, undefined)
})

test('with an index on posts.user_id the preload searches it, and nothing links to LL405', async () => {
  const db = new Database(file)
  db.exec('create index posts_user_id_index on posts (user_id)')
  db.close()
  const plan = chain('User', (u) => u.query().where('id', 1).preload('posts'))
  const result = await previewSqlite(FIXTURE_GRAPH, plan, file, { explain: 'plan' })
  const nodes = result.statements.flatMap((s) => nodesOf(s.plan))
  const search = nodes.find((n) => n.table === 'posts')
  assert.equal(search?.operation, 'SEARCH')
  assert.equal(search?.index, 'posts_user_id_index')
  assert.equal(search?.fullScan, false)
  assert.ok(nodes.every((n) => n.foreignKeyScan === undefined))
})

test('ANALYZE on SQLite gives the plan tree and says that it has no counts or times', async () => {
  const plan = chain('User', (u) => u.query().withCount('posts'))
  const result = await previewSqlite(FIXTURE_GRAPH, plan, file, { explain: 'analyze' })
  const statementPlan = result.statements[0]?.plan
  assert.equal(statementPlan?.analyzed, false)
  assert.match(statementPlan?.notes.join(' ') ?? '', /no row counts or times/)
  // The count is a correlated subquery: its scan of posts sits under it in the tree.
  const users = nodesOf(statementPlan).find((n) => n.table === 'users')
  assert.equal(users?.fullScan, true)
  // users.id appears in the subquery's where only: the outer scan of users is not said to filter on it.
  assert.equal(users?.foreignKeyScan, undefined)
  const subquery = statementPlan?.nodes.find((n) => n.children.some((c) => c.table === 'posts'))
  assert.ok(subquery, 'the scan of posts is nested under the subquery')
})

test('the executor explains only the read it just ran, never another statement', async () => {
  const executor = new SqliteExecutor(file)
  try {
    const isReadOnly = (error: unknown) => error instanceof PreviewError && error.code === 'E_READ_ONLY'
    await assert.rejects(executor.explain('select * from users', [], 'plan'), isReadOnly)
    await executor.run('select * from users where id = ?', [1], 10)
    await assert.rejects(executor.explain('select * from posts', [], 'plan'), isReadOnly)
    await assert.rejects(executor.explain('delete from users', [], 'plan'), isReadOnly)
    const plan = await executor.explain('select * from users where id = ?', [1], 'plan')
    assert.equal(plan.nodes[0]?.table, 'users')
  } finally {
    executor.close()
  }
})
