// The Lucid 22 (v7) shapes, engine only: each scenario's statements against the exact SQL the
// reference sheet gives for npm 22.4.2 (SQLite on the fixture file, pg compiled without a server).
// Not differential: real Lucid 22 runs them in differential.test.ts once it is installed.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import type { Row, StatementExecutor } from '../../../engine/src/query/runtime'
import { sqliteTarget, type TargetDatabase } from '../support/differential'
import { FIXTURE_GRAPH } from '../support/fixture-graph'
import type { LucidQuery as Q } from '../support/lucid-twin'
import { chain } from '../support/plan-recorder'
import { V7_GRAPH, V7_SCENARIOS } from './scenarios'

/** Compiles for pg and answers every select with `rows` for users, nothing for the rest. */
function pgCompiler(users: Row[]): StatementExecutor & { sql: string[] } {
  const sql: string[] = []
  return {
    client: 'pg',
    sql,
    run: async (text) => {
      sql.push(text)
      return { rows: text.startsWith('select * from "users"') ? users : [], truncated: false }
    },
  }
}

async function pgStatements(graph: ModelGraph, plan: QueryPlan): Promise<string[]> {
  const executor = pgCompiler([{ id: 1 }, { id: 2 }])
  await runPlan(graph, plan, executor)
  return executor.sql
}

describe('Lucid 22 shapes (engine vs the reference sheet, not differential yet)', () => {
  let target: TargetDatabase
  before(() => {
    target = sqliteTarget()
  })
  after(() => target.close())

  for (const scenario of V7_SCENARIOS) {
    test(`${scenario.name} [${scenario.from}]`, async () => {
      const outcome = await target.withExecutor(async (executor) => {
        try {
          return { ...(await runPlan(V7_GRAPH, scenario.plan, executor)), error: undefined }
        } catch (error) {
          if (!(error instanceof PreviewError)) throw error
          return { statements: error.statements, warnings: [], result: undefined, error }
        }
      })
      assert.deepEqual(
        outcome.statements.map((s) => s.sql),
        scenario.sql,
      )
      assert.deepEqual(outcome.warnings, [])
      if (scenario.bindings) {
        assert.deepEqual(
          outcome.statements.map((s) => s.bindings),
          scenario.bindings,
        )
      }
      if (scenario.throws) {
        assert.equal(
          outcome.error?.message,
          'Relation "User.brokenPosts" expects "writerId" to exist on "Post" model, but is missing. Did you forget to define the column?',
        )
      }
    })
  }

  test('pg: quoted window fragment, exactly as verified on 22.4.2 (4.3)', async () => {
    const plan = chain('User', (u) =>
      u.query().preload('posts', (q: Q) => q.groupLimit(2).groupOrderBy('created_at', 'asc')),
    )
    assert.equal(
      (await pgStatements(V7_GRAPH, plan))[1],
      'select * from (select *, row_number() over (PARTITION BY "user_id" ORDER BY "created_at" asc) as adonis_group_limit_counter from "posts" where "user_id" in ($1, $2)) as "adonis_temp" where "adonis_group_limit_counter" <= $3',
    )
    assert.match(
      (await pgStatements(FIXTURE_GRAPH, plan))[1] ?? '',
      /PARTITION BY user_id ORDER BY created_at asc/,
    )
  })

  test('pg: the manyToMany window follows the generation too (issue 19)', async () => {
    const plan = chain('User', (u) =>
      u.query().preload('skills', (q: Q) => q.groupLimit(1).groupOrderBy('skills.name', 'asc')),
    )
    assert.match(
      (await pgStatements(V7_GRAPH, plan))[1] ?? '',
      /row_number\(\) over \(PARTITION BY "skill_user"\."user_id" ORDER BY "skills"\."name" asc\) as adonis_group_limit_counter/,
    )
    assert.match(
      (await pgStatements(FIXTURE_GRAPH, plan))[1] ?? '',
      /row_number\(\) over \(PARTITION BY skill_user\.user_id ORDER BY skills\.name asc\) as adonis_group_limit_counter/,
    )
  })

  test('pg: withCount over an onQuery orderBy, 21.x vs 22.4.x (4.4, issue #1155)', async () => {
    const plan = chain('User', (u) => u.query().withCount('orderedPosts'))
    assert.deepEqual(await pgStatements(FIXTURE_GRAPH, plan), [
      'select "users".*, (select count(*) from "posts" where "users"."id" = "posts"."user_id" order by "posts"."created_at" desc) as "orderedPosts_count" from "users"',
    ])
    assert.deepEqual(await pgStatements(V7_GRAPH, plan), [
      'select "users".*, (select count(*) from "posts" where "users"."id" = "posts"."user_id") as "orderedPosts_count" from "users"',
    ])
  })

  test('v21 controls on the same plans: unquoted window, order kept in withCount', async () => {
    const sqlOf = async (graph: ModelGraph, plan: QueryPlan) =>
      target.withExecutor(async (executor) =>
        (await runPlan(graph, plan, executor)).statements.map((s) => s.sql),
      )
    const groupLimit = V7_SCENARIOS[0] as { plan: QueryPlan }
    assert.equal(
      (await sqlOf(FIXTURE_GRAPH, groupLimit.plan))[1],
      'select * from (select *, row_number() over (PARTITION BY user_id ORDER BY id desc) as adonis_group_limit_counter from `posts` where `user_id` in (?, ?, ?)) as `adonis_temp` where `adonis_group_limit_counter` <= ?',
    )
    assert.match(
      (
        await sqlOf(
          FIXTURE_GRAPH,
          chain('User', (u) => u.query().withCount('orderedPosts')),
        )
      )[0] ?? '',
      /`posts`\.`user_id` order by `posts`\.`created_at` desc\) as `orderedPosts_count`/,
    )
  })

  test('v22 hydration puts a `<table>_<column>` alias on the attribute; v21 keeps it in extras', async () => {
    const alias = V7_SCENARIOS.find((s) => s.name.startsWith('v22 hydration')) as { plan: QueryPlan }
    const run = (graph: ModelGraph) => target.withExecutor((executor) => runPlan(graph, alias.plan, executor))
    const v22 = await run(V7_GRAPH)
    assert.deepEqual(v22.result, [
      { id: 4, userId: 2 },
      { id: 5, userId: 2 },
    ])
    assert.deepEqual(v22.extras, [
      { extras: {}, relations: {} },
      { extras: {}, relations: {} },
    ])
    const v21 = await run(FIXTURE_GRAPH)
    assert.deepEqual(v21.result, [{ id: 4 }, { id: 5 }])
    assert.deepEqual(v21.extras, [
      { extras: { posts_user_id: 2 }, relations: {} },
      { extras: { posts_user_id: 2 }, relations: {} },
    ])
  })
})
