// Query plans on a real PostgreSQL or MySQL/MariaDB server, asserted by structure (operations, tables,
// rows), never by exact text: EXPLAIN is sent only on the read the preview just ran, in its READ ONLY
// transaction; ANALYZE adds actual rows and times (PostgreSQL, MariaDB); a full scan of posts filtering
// on user_id links to LL405 through User.posts.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { planNodes, type StatementPlan } from '../../../engine/src/explain/plan-tree'
import { previewMysql, previewPostgres } from '../../../engine/src/preview-server'
import { PreviewError } from '../../../engine/src/query/errors'
import { FIXTURE_GRAPH } from './fixture-graph'
import { chain } from './plan-recorder'
import { createServerDatabase, type ServerDatabase, type ServerDialect } from './server-db'
import { MysqlExecutor } from '../../../engine/src/connection/mysql-executor'
import { PostgresExecutor } from '../../../engine/src/connection/postgres-executor'

const nodesOf = (plan: StatementPlan | undefined) => [...planNodes(plan?.nodes ?? [])]

export function serverExplain(dialect: ServerDialect): void {
  const preview = dialect === 'pg' ? previewPostgres : previewMysql
  let database: ServerDatabase
  before(async () => {
    database = await createServerDatabase(dialect)
  })
  after(() => database?.drop())

  test(`${dialect}: each read gets its plan; the full scan of posts on user_id links to LL405`, async () => {
    const plan = chain('User', (u) => u.query().where('id', 1).preload('posts'))
    const result = await preview(FIXTURE_GRAPH, plan, database.settings, { explain: 'plan' })
    assert.equal(result.statements.length, 2)
    const [users, posts] = result.statements.map((s) => s.plan)
    assert.ok(
      dialect === 'pg' ? users?.dialect === 'postgres' : /^(mysql|mariadb)$/.test(users?.dialect ?? ''),
    )
    assert.equal(users?.analyzed, false)
    assert.ok(nodesOf(users).some((n) => n.table === 'users'))
    const scan = nodesOf(posts).find((n) => n.table === 'posts')
    assert.ok(scan, JSON.stringify(posts))
    assert.equal(scan.fullScan, true)
    assert.equal(typeof scan.rowsEstimated, 'number')
    assert.equal(scan.rowsActual, undefined)
    assert.match(scan.condition ?? '', /user_id/)
    assert.equal(scan.foreignKeyScan?.relation, 'User.posts')
    assert.equal(scan.foreignKeyScan?.column, 'user_id')
    const plain = await preview(FIXTURE_GRAPH, plan, database.settings)
    assert.deepEqual(result.result, plain.result)
  })

  test(`${dialect}: ANALYZE gives actual rows and times, and the rows are the preview's`, async () => {
    const plan = chain('Post', (p) => p.query().where('user_id', 1).orderBy('id'))
    const result = await preview(FIXTURE_GRAPH, plan, database.settings, { explain: 'analyze' })
    const statementPlan = result.statements[0]?.plan
    if (statementPlan?.dialect === 'mysql') {
      // MySQL prints actual rows as a text tree only: its JSON plan is the estimate, and says so.
      assert.equal(statementPlan.analyzed, false)
      assert.match(statementPlan.notes.join(' '), /estimates/)
      return
    }
    assert.equal(statementPlan?.analyzed, true)
    assert.deepEqual(statementPlan?.notes, [])
    const scan = nodesOf(statementPlan).find((n) => n.table === 'posts')
    assert.ok(scan, JSON.stringify(statementPlan))
    // User 1 has three posts: the scan produced them.
    assert.equal(scan.rowsActual, 3)
    assert.equal(typeof scan.timeMs, 'number')
    assert.equal(result.statements[0]?.rowCount, 3)
  })

  test(`${dialect}: a whereHas subquery is a nested step of the plan`, async () => {
    const plan = chain('User', (u) => u.query().has('posts'))
    const result = await preview(FIXTURE_GRAPH, plan, database.settings, { explain: 'plan' })
    const nodes = nodesOf(result.statements[0]?.plan)
    assert.ok(nodes.some((n) => n.table === 'users'))
    assert.ok(nodes.some((n) => n.table === 'posts'))
    assert.ok(result.statements[0]!.plan!.nodes.some((n) => n.children.length > 0))
  })

  test(`${dialect}: the executor explains only the read it just ran`, async () => {
    const executor =
      dialect === 'pg'
        ? await PostgresExecutor.open(database.settings)
        : await MysqlExecutor.open(database.settings)
    const isReadOnly = (error: unknown) => error instanceof PreviewError && error.code === 'E_READ_ONLY'
    try {
      await assert.rejects(executor.explain('select 1', [], 'plan'), isReadOnly)
      const sql = dialect === 'pg' ? 'select * from users where id = $1' : 'select * from users where id = ?'
      await executor.run(sql, [1], 10)
      await assert.rejects(executor.explain('select * from posts', [], 'analyze'), isReadOnly)
      await assert.rejects(executor.explain('delete from users', [], 'analyze'), isReadOnly)
      const plan = await executor.explain(sql, [1], 'plan')
      assert.ok(nodesOf(plan).some((n) => n.table === 'users'))
    } finally {
      await executor.close()
    }
  })

  test(`${dialect}: cancelling stops an ANALYZE that runs long, like any statement`, async () => {
    const controller = new AbortController()
    const options = { signal: controller.signal, statementTimeoutMs: 30_000 }
    const executor =
      dialect === 'pg'
        ? await PostgresExecutor.open(database.settings, options)
        : await MysqlExecutor.open(database.settings, options)
    // The read stops at the row cap; ANALYZE runs the whole statement, which takes far longer.
    try {
      // PostgreSQL evaluates a recursive query only as far as the cursor fetches (its docs say so).
      const read =
        dialect === 'pg'
          ? 'select x from (with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select x from c) t'
          : 'select seq from seq_1_to_1000000000'
      await executor.run(read, [], 1)
      const running = executor.explain(read, [], 'analyze')
      controller.abort()
      await assert.rejects(
        running,
        (error: unknown) => error instanceof PreviewError && error.code === 'E_CANCELLED',
      )
    } finally {
      await executor.close()
    }
  })
}
