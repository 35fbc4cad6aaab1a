// `npm run bench:engine`: the engine against real Lucid and against a hand-written better-sqlite3
// query, side by side, on 10,000 users and 1,000,000 posts; plus a preview's peak memory on a small
// and on the large table. Targets (issue 3): engine/Lucid <= 1.0, engine/raw <= 1.3, flat memory.
import { spawnSync } from 'node:child_process'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { call, callback, previewSqlite, type QueryPlan } from '../engine/src'
import { createLucidTwin, type LucidModels } from '../test/engine/support/lucid-twin'
import { ENGINE_GRAPH, engineDb } from './engine-db'
import { median } from './stats'

const DIR = path.join(os.tmpdir(), 'lucid-lens-bench')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
/** High enough that the engine returns everything Lucid does: the comparison is the same work. */
const ROW_CAP = 1_000_000

interface Case {
  name: string
  plan: QueryPlan
  lucid: (models: LucidModels) => Promise<unknown>
  raw: (db: Database.Database) => unknown
}

const CASES: Case[] = [
  {
    name: "preload('posts', groupLimit(10)) over 1,000 users",
    plan: {
      model: 'User',
      calls: [call('query'), call('limit', 1000), call('preload', 'posts', callback(call('groupLimit', 10)))],
    },
    lucid: (m) =>
      m['User']
        .query()
        .limit(1000)
        .preload('posts', (q: { groupLimit(n: number): void }) => q.groupLimit(10)),
    raw: (db) => {
      const users = db.prepare('select * from users limit ?').all(1000) as { id: number }[]
      const ids = users.map((u) => u.id)
      const posts = db
        .prepare(
          `select * from (select *, row_number() over (PARTITION BY user_id ORDER BY id desc) as adonis_group_limit_counter from posts where user_id in (${ids.map(() => '?').join(', ')})) as adonis_temp where adonis_group_limit_counter <= ?`,
        )
        .all(...ids, 10) as { user_id: number }[]
      const byUser = new Map<number, unknown[]>()
      for (const post of posts) byUser.set(post.user_id, [...(byUser.get(post.user_id) ?? []), post])
      return users.map((u) => ({ ...u, posts: byUser.get(u.id) ?? [] }))
    },
  },
  {
    name: "related('posts').query() for one user",
    plan: { model: 'User', calls: [call('findOrFail', 5000), call('related', 'posts'), call('query')] },
    lucid: async (m) => (await m['User'].findOrFail(5000)).related('posts').query(),
    raw: (db) => {
      const user = db.prepare('select * from users where id = ? limit ?').get(5000, 1) as { id: number }
      return db.prepare('select * from posts where user_id = ?').all(user.id)
    },
  },
  {
    name: "withCount('posts') over 10,000 users",
    plan: { model: 'User', calls: [call('query'), call('withCount', 'posts')] },
    lucid: (m) => m['User'].query().withCount('posts'),
    raw: (db) =>
      db
        .prepare(
          'select users.*, (select count(*) from posts where users.id = posts.user_id) as posts_count from users',
        )
        .all(),
  },
]

async function time(fn: () => unknown): Promise<number> {
  await fn() // warm-up: first runs pay for compilation, not for the query
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

async function main(): Promise<void> {
  console.log('Generating (or reusing) the benchmark databases…')
  const large = engineDb(DIR, 10_000, 100)
  const small = engineDb(DIR, 1_000, 10)
  const lucid = await createLucidTwin(ENGINE_GRAPH, large)
  const raw = new Database(large, { readonly: true })
  const rows: string[] = []
  for (const c of CASES) {
    const engineMs = await time(() => previewSqlite(ENGINE_GRAPH, c.plan, large, { rowCap: ROW_CAP }))
    const lucidMs = await time(() => lucid.run(c.lucid))
    const rawMs = await time(() => c.raw(raw))
    const vsLucid = engineMs / lucidMs
    const vsRaw = engineMs / rawMs
    rows.push(
      `| ${c.name} | ${engineMs.toFixed(1)} ms | ${lucidMs.toFixed(1)} ms | ${rawMs.toFixed(1)} ms | ` +
        `${vsLucid.toFixed(2)} ${vsLucid <= 1 ? '✓' : '✗'} | ${vsRaw.toFixed(2)} ${vsRaw <= 1.3 ? '✓' : '✗'} |`,
    )
    console.log(rows[rows.length - 1])
  }
  raw.close()
  await lucid.close()
  const memory = [small, large].map((file) => {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'engine-memory.js'), file], {
      encoding: 'utf8',
    })
    return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
      rows: number
      truncated: boolean
      maxRssKb: number
    }
  })
  const [m1, m2] = memory
  console.log(`\n| case | engine | Lucid | raw better-sqlite3 | engine/Lucid (≤ 1.0) | engine/raw (≤ 1.3) |`)
  console.log(`| --- | --- | --- | --- | --- | --- |`)
  for (const row of rows) console.log(row)
  console.log(
    `\nPeak RSS of a preview of \`Post.query().where('title', 'like', 'Post%')\` (row cap 100, fresh process): ` +
      `${Math.round((m1?.maxRssKb ?? 0) / 1024)} MB on 10,000 posts, ${Math.round((m2?.maxRssKb ?? 0) / 1024)} MB on 1,000,000 posts ` +
      `(${m2?.rows} rows returned, truncated: ${m2?.truncated}).`,
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
