// The plan readers on documents of the shapes each database prints, for what the live tiers cannot
// reach here: MySQL's own JSON (the server tier runs MariaDB), and plan details that depend on the
// planner's choice. The live shapes are asserted in postgres/ and mysql/ explain tests.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { mysqlPlan } from '../../engine/src/explain/mysql-plan'
import { postgresPlan } from '../../engine/src/explain/postgres-plan'
import { sqlitePlan } from '../../engine/src/explain/sqlite-plan'

test("MySQL's JSON: tables under ordering_operation, rows examined × filtered (a string), backticks dropped", () => {
  const [sort] = mysqlPlan(
    JSON.stringify({
      query_block: {
        select_id: 1,
        cost_info: { query_cost: '0.95' },
        ordering_operation: {
          using_filesort: true,
          table: {
            table_name: 'posts',
            access_type: 'ALL',
            rows_examined_per_scan: 8,
            rows_produced_per_join: 2,
            filtered: '25.00',
            attached_condition: '(`shop`.`posts`.`user_id` = 1)',
          },
        },
      },
    }),
  )
  assert.equal(sort?.operation, 'sort')
  const [scan] = sort?.children ?? []
  assert.deepEqual(
    { ...scan, children: scan?.children.length },
    {
      operation: 'ALL',
      table: 'posts',
      index: undefined,
      condition: '(shop.posts.user_id = 1)',
      rowsEstimated: 2,
      rowsActual: undefined,
      timeMs: undefined,
      fullScan: true,
      children: 0,
    },
  )
})

test('MySQL/MariaDB: a materialized subquery is a step, not a table scanned in full', () => {
  const nodes = mysqlPlan({
    query_block: {
      nested_loop: [
        { table: { table_name: 'users', access_type: 'ALL', rows: 4, filtered: 100 } },
        {
          table: {
            table_name: '<subquery2>',
            access_type: 'ALL',
            materialized: { query_block: { table: { table_name: 'posts', access_type: 'ref', key: 'ix' } } },
          },
        },
      ],
    },
  })
  assert.deepEqual(
    nodes.map((n) => [n.table, n.fullScan]),
    [
      ['users', true],
      ['<subquery2>', false],
    ],
  )
  const materialized = nodes[1]?.children[0]
  assert.equal(materialized?.operation, 'materialized subquery')
  assert.equal(materialized?.children[0]?.index, 'ix')
})

test('PostgreSQL: a step run in loops reports its total time; join types are named', () => {
  const [join] = postgresPlan([
    {
      Plan: {
        'Node Type': 'Nested Loop',
        'Join Type': 'Semi',
        'Plan Rows': 2,
        Plans: [
          { 'Node Type': 'Seq Scan', 'Relation Name': 'users', 'Plan Rows': 4 },
          {
            'Node Type': 'Index Scan',
            'Relation Name': 'posts',
            'Index Name': 'posts_user_id_index',
            'Index Cond': '(user_id = users.id)',
            'Actual Rows': 1,
            'Actual Total Time': 0.5,
            'Actual Loops': 4,
          },
        ],
      },
    },
  ])
  assert.equal(join?.operation, 'Nested Loop (Semi)')
  assert.equal(join?.children[0]?.fullScan, true)
  const lookup = join?.children[1]
  assert.equal(lookup?.fullScan, false)
  assert.equal(lookup?.index, 'posts_user_id_index')
  assert.equal(lookup?.timeMs, 2)
})

test('SQLite: SCAN TABLE of older versions, covering indexes, and no filter claimed in a subquery', () => {
  const sql = 'select * from `posts` where `user_id` in (?) order by `title`'
  const [scan] = sqlitePlan([{ id: 2, parent: 0, detail: 'SCAN TABLE posts' }], sql)
  assert.deepEqual([scan?.table, scan?.fullScan, scan?.condition], ['posts', true, 'user_id'])
  const [covering] = sqlitePlan(
    [{ id: 2, parent: 0, detail: 'SCAN posts USING COVERING INDEX ix_title' }],
    sql,
  )
  assert.deepEqual([covering?.fullScan, covering?.index], [false, 'ix_title'])
  const nested =
    'select * from `users` where exists (select * from `posts` where `users`.`id` = `posts`.`user_id`)'
  const [outer] = sqlitePlan([{ id: 2, parent: 0, detail: 'SCAN users' }], nested)
  assert.equal(outer?.condition, undefined)
})
