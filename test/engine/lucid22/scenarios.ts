// What changes for hasMany on Lucid 22 (lucid-hasmany.md section 8), as scenarios on a 'v7' graph
// with the SQL Lucid 22.4.2 runs on the SQLite fixture. `sql` is copied from the reference where it
// marks the statement [verified] (sections 4.3 and 4.4), and derived from the rule it states
// otherwise (`from`). The same scenarios run against real Lucid 22 when it is installed.
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { Scenario } from '../support/differential'
import { FIXTURE_GRAPH } from '../support/fixture-graph'
import type { LucidQuery as Q } from '../support/lucid-twin'
import { chain } from '../support/plan-recorder'

export const V7_GRAPH: ModelGraph = { ...FIXTURE_GRAPH, generation: 'v7' }

export interface ShapeScenario extends Scenario {
  /** Every statement, in order (a statement the database refuses is still listed). */
  sql: string[]
  /** Where the SQL comes from: a [verified] reference statement or the rule it follows. */
  from: string
  /** The bindings of every statement, where the reference gives them. */
  bindings?: unknown[][]
}

const GROUP_LIMIT_V22 =
  'select * from (select *, row_number() over (PARTITION BY `user_id` ORDER BY `id` desc) as adonis_group_limit_counter from `posts` where `user_id` in (?, ?, ?)) as `adonis_temp` where `adonis_group_limit_counter` <= ?'

/** The manyToMany window of Lucid 22: partitioned by the prefixed pivot foreign key, quoted. */
const M2M_GROUP_LIMIT = (order: string) =>
  'select * from (select `skills`.*, `skill_user`.`user_id` as `pivot_user_id`, `skill_user`.`skill_id` as `pivot_skill_id`, ' +
  '`skill_user`.`proficiency` as `pivot_proficiency`, ' +
  `row_number() over (PARTITION BY \`skill_user\`.\`user_id\` ORDER BY ${order}) as adonis_group_limit_counter ` +
  'from `skills` inner join `skill_user` on `skills`.`id` = `skill_user`.`skill_id` where `skill_user`.`user_id` in (?, ?, ?, ?)) as `adonis_temp` where `adonis_group_limit_counter` <= ?'

export const V7_SCENARIOS: ShapeScenario[] = [
  {
    name: 'v22 groupLimit: the window columns are `??` bindings, quoted by knex',
    lucid: async ({ User }) =>
      User.query()
        .whereIn('id', [1, 2, 3])
        .preload('posts', (q: Q) => q.groupLimit(2)),
    plan: chain('User', (u) =>
      u
        .query()
        .whereIn('id', [1, 2, 3])
        .preload('posts', (q: Q) => q.groupLimit(2)),
    ),
    sql: ['select * from `users` where `id` in (?, ?, ?)', GROUP_LIMIT_V22],
    bindings: [
      [1, 2, 3],
      [1, 2, 3, 2],
    ],
    from: '4.3 "v22 sqlite, groupLimit(2) [verified]"',
  },
  {
    name: 'v22 groupOrderBy without a direction: quoted column, then `undefined` (G3)',
    lucid: async ({ User }) =>
      User.query()
        .where('id', 1)
        .preload('posts', (q: Q) => q.groupLimit(1).groupOrderBy('posts.title')),
    plan: chain('User', (u) =>
      u
        .query()
        .where('id', 1)
        .preload('posts', (q: Q) => q.groupLimit(1).groupOrderBy('posts.title')),
    ),
    sql: [
      'select * from `users` where `id` = ?',
      'select * from (select *, row_number() over (PARTITION BY `user_id` ORDER BY `posts`.`title` undefined) as adonis_group_limit_counter from `posts` where `user_id` in (?)) as `adonis_temp` where `adonis_group_limit_counter` <= ?',
    ],
    from: '4.3 "broken: groupOrderBy(\'posts.title\') with no direction (v21 / v22)" and G3',
  },
  {
    name: 'v22 manyToMany groupLimit: the pivot partition and the related key are quoted (issue 19)',
    lucid: async ({ User }) => User.query().preload('skills', (q: Q) => q.groupLimit(1)),
    plan: chain('User', (u) => u.query().preload('skills', (q: Q) => q.groupLimit(1))),
    sql: ['select * from `users`', M2M_GROUP_LIMIT('`skills`.`id` desc')],
    bindings: [[], [1, 2, 3, 4, 1]],
    from: 'Lucid 22.4.2 many_to_many/query_builder.js getGroupLimitQuery (`??` bindings)',
  },
  {
    name: 'v22 manyToMany groupLimit with groupOrderBy: the given column quoted, its direction kept',
    lucid: async ({ User }) =>
      User.query()
        .where('id', '<', 3)
        .preload('skills', (q: Q) => q.groupLimit(2).groupOrderBy('skills.name', 'asc')),
    plan: chain('User', (u) =>
      u
        .query()
        .where('id', '<', 3)
        .preload('skills', (q: Q) => q.groupLimit(2).groupOrderBy('skills.name', 'asc')),
    ),
    sql: [
      'select * from `users` where `id` < ?',
      M2M_GROUP_LIMIT('`skills`.`name` asc').replace('(?, ?, ?, ?)', '(?, ?)'),
    ],
    bindings: [[3], [1, 2, 2]],
    from: 'Lucid 22.4.2 many_to_many/query_builder.js getGroupLimitQuery (`??` bindings)',
  },
  {
    name: 'v22.4 withCount drops the order an onQuery adds (issue #1155 fixed)',
    lucid: async ({ User }) => User.query().withCount('orderedPosts'),
    plan: chain('User', (u) => u.query().withCount('orderedPosts')),
    sql: [
      'select `users`.*, (select count(*) from `posts` where `users`.`id` = `posts`.`user_id`) as `orderedPosts_count` from `users`',
    ],
    from: "4.4 \"onQuery adds orderBy('posts.created_at','desc'): v21 vs 22.4.x\" (the pg pair)",
  },
  {
    name: 'v22.4 withCount drops order, limit and offset its callback adds too',
    lucid: async ({ User }) => User.query().withCount('posts', (q: Q) => q.orderBy('id').limit(1).offset(1)),
    plan: chain('User', (u) => u.query().withCount('posts', (q: Q) => q.orderBy('id').limit(1).offset(1))),
    sql: [
      'select `users`.*, (select count(*) from `posts` where `users`.`id` = `posts`.`user_id`) as `posts_count` from `users`',
    ],
    from: '4.4 rule: "22.4.0+: before adding count(\'*\'), it calls clearOrder(), clearLimit() and clearOffset()"',
  },
  {
    name: 'v22.4 has() with a count keeps the onQuery order (only withCount was fixed)',
    lucid: async ({ User }) => User.query().has('orderedPosts', '>=', 2),
    plan: chain('User', (u) => u.query().has('orderedPosts', '>=', 2)),
    sql: [
      'select * from `users` where (select count(*) from `posts` where `users`.`id` = `posts`.`user_id` order by `posts`.`created_at` desc) >= (?)',
    ],
    from: '4.4 "The count branch of has/whereHas still keeps an onQuery orderBy in 22.4.2. [verified]"',
  },
  {
    name: 'v22 missing-key error: the 21.5+ text',
    lucid: async ({ User }) => User.query().preload('brokenPosts'),
    plan: chain('User', (u) => u.query().preload('brokenPosts')),
    throws: true,
    sql: [],
    from: '3 "npm 21.5.0+ and 22.x (build/src/errors.js L12)" [verified]',
  },
  {
    name: 'v22 hydration: a `<table>_<column>` alias fills that attribute instead of $extras',
    lucid: async ({ User }) =>
      (await User.findOrFail(2)).related('posts').query().select('id', 'user_id as posts_user_id'),
    plan: chain('User', (u) =>
      u.findOrFail(2).related('posts').query().select('id', 'user_id as posts_user_id'),
    ),
    sql: [
      'select * from `users` where `id` = ? limit ?',
      'select `id`, `user_id` as `posts_user_id` from `posts` where `user_id` = ?',
    ],
    from: '8 "Column-alias hydration (users_id -> id): 22.x yes"; lookup order from upstream issue #1191',
  },
]

/** The groupLimit window scenarios, which the server tiers run against real Lucid 22 too. */
export const V7_WINDOW_SCENARIOS = V7_SCENARIOS.filter((s) => /groupLimit|groupOrderBy/.test(s.name))
