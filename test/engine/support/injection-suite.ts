// Injection attempts at every place a preview's argument reaches SQL, run on a real database.
// Where Lucid pastes the argument into the SQL text (sql-text.ts), the preview is refused with the
// reason before a single statement is sent. Everywhere else the argument is a binding, an identifier
// knex quotes and escapes, or a direction knex whitelists: then the marker literal 'INJECTED' of the
// payload appears in no statement outside an escaped identifier, and no row ever holds it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { ModelGraph } from '../../../engine/src/model-graph'
import { call, callback, type Call, type QueryPlan } from '../../../engine/src/plan'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import type { PreviewResult } from '../../../engine/src/query/result'
import { V7_GRAPH } from '../lucid22/scenarios'
import type { TargetDatabase } from './differential'
import { FIXTURE_GRAPH } from './fixture-graph'

export const MARKER = "'INJECTED'"

/** Breaks out of an identifier quoted with `q` and selects the marker as `title`, if unescaped. */
export const breakOut = (q: string) => `id${q}, ${MARKER} ${q}title`

/** The payloads: read a server file (PostgreSQL), write one (MariaDB), select the marker. */
const WINDOW_PAYLOADS = [
  "desc) as x, pg_read_file('/etc/hostname') as title, row_number() over (order by id",
  "desc) as x into outfile '/tmp/lucid-lens-injection' -- ",
  `desc) as x, ${MARKER} as title, row_number() over (order by id`,
]

const query = (...calls: Call[]): QueryPlan => ({ model: 'User', calls: [call('query'), ...calls] })
const preloadWith = (relation: string, ...calls: Call[]) =>
  query(call('preload', relation, callback(...calls)))
const skillsOfUser = (...calls: Call[]): QueryPlan => ({
  model: 'User',
  calls: [call('findOrFail', 1), call('related', 'skills'), call('query'), ...calls],
})

interface Refused {
  name: string
  graph?: ModelGraph
  plan: QueryPlan
  message: RegExp
}

const GENERATIONS: Array<[string, ModelGraph]> = [
  ['Lucid 21', FIXTURE_GRAPH],
  ['Lucid 22', V7_GRAPH],
]

/** Every position Lucid pastes into the SQL text. */
function refusedCases(): Refused[] {
  const cases: Refused[] = []
  for (const [generation, graph] of GENERATIONS) {
    for (const relation of ['posts', 'skills']) {
      for (const payload of WINDOW_PAYLOADS) {
        cases.push({
          name: `${generation} ${relation} groupOrderBy direction ${JSON.stringify(payload.slice(0, 30))}`,
          graph,
          plan: preloadWith(relation, call('groupLimit', 2), call('groupOrderBy', 'id', payload)),
          message:
            /^"\.groupOrderBy" direction: ".*" is not supported in previews: expected "asc" or "desc"$/,
        })
        cases.push({
          name: `${generation} ${relation} groupOrderBy column ${JSON.stringify(payload.slice(0, 30))}`,
          graph,
          plan: preloadWith(relation, call('groupLimit', 2), call('groupOrderBy', `id ${payload}`, 'desc')),
          message: /^"\.groupOrderBy" column: ".*" is not supported in previews: expected a column name/,
        })
      }
    }
  }
  const operator = `>= 0) or (${MARKER} =`
  const comparison = /operator: ".*" is not supported in previews: expected a comparison/
  cases.push(
    { name: 'has operator', plan: query(call('has', 'posts', operator, 1)), message: comparison },
    {
      name: 'orDoesntHave operator',
      plan: query(call('orDoesntHave', 'posts', operator, 1)),
      message: comparison,
    },
    {
      name: 'whereHas operator',
      plan: query(call('whereHas', 'posts', callback(call('where', 'id', '>', 0)), operator, 1)),
      message: comparison,
    },
    {
      name: 'orderBy nulls (pasted by knex on PostgreSQL)',
      plan: query(call('orderBy', [{ column: 'id', nulls: `last, (select ${MARKER})` }])),
      message: /^"\.orderBy" nulls: ".*" is not supported in previews: expected "first" or "last"$/,
    },
    {
      name: 'where operator (knex refuses it)',
      plan: query(call('where', 'id', `= 1 or ${MARKER} =`, 'x')),
      message: /^The operator "= 1 or 'INJECTED' =" is not permitted$/,
    },
    {
      name: 'a value knex would take for raw SQL',
      plan: query(call('where', 'id', { isRawInstance: true, sql: `select ${MARKER}` })),
      message: /^"\.where": the key "isRawInstance" is not supported in previews$/,
    },
    {
      name: 'a __proto__ key in a literal (a plan from JSON)',
      plan: query(call('where', JSON.parse('{"__proto__": {"isRawInstance": true}}'))),
      message: /^"\.where": the key "__proto__" is not supported in previews$/,
    },
  )
  return cases
}

interface Inert {
  name: string
  graph?: (q: string) => ModelGraph
  plan: (q: string) => QueryPlan
}

/** Positions where the payload is bound, quoted and escaped as one identifier, or whitelisted. */
const INERT: Inert[] = [
  { name: 'where column', plan: (q) => query(call('where', breakOut(q), 1)) },
  { name: 'where value', plan: (q) => query(call('where', 'emailAddress', breakOut(q))) },
  { name: 'whereIn column', plan: (q) => query(call('whereIn', breakOut(q), [1])) },
  { name: 'whereNull column', plan: (q) => query(call('whereNull', breakOut(q))) },
  { name: 'whereLike column', plan: (q) => query(call('whereLike', breakOut(q), '%a%')) },
  { name: 'whereBetween column', plan: (q) => query(call('whereBetween', breakOut(q), [1, 2])) },
  { name: 'orderBy column', plan: (q) => query(call('orderBy', breakOut(q), 'desc')) },
  {
    name: 'orderBy direction (knex whitelists)',
    plan: () => query(call('orderBy', 'id', `desc, ${MARKER}`)),
  },
  {
    name: 'orderBy column object',
    plan: (q) => query(call('orderBy', [{ column: breakOut(q), order: 'asc' }])),
  },
  { name: 'select column', plan: (q) => query(call('select', breakOut(q))) },
  { name: "select('x as y') alias", plan: (q) => query(call('select', `id as ${breakOut(q)}`)) },
  { name: 'aggregate alias', plan: (q) => query(call('count', `* as ${breakOut(q)}`)) },
  { name: 'withCount as', plan: (q) => query(call('withCount', 'posts', callback(call('as', breakOut(q))))) },
  { name: 'limit', plan: () => query(call('limit', `1; select ${MARKER}`)) },
  { name: 'preload callback where column', plan: (q) => preloadWith('posts', call('where', breakOut(q), 1)) },
  { name: 'groupLimit value', plan: () => preloadWith('posts', call('groupLimit', `1) or (${MARKER} = ''`)) },
  { name: 'has value', plan: () => query(call('has', 'posts', '>=', `0) or (${MARKER} = ''`)) },
  { name: 'pivotColumns', plan: (q) => skillsOfUser(call('pivotColumns', [breakOut(q)])) },
  { name: 'wherePivot column', plan: (q) => skillsOfUser(call('wherePivot', breakOut(q), 1)) },
  {
    name: 'Lucid 22 groupOrderBy column as a ?? binding (a valid name)',
    graph: () => V7_GRAPH,
    plan: () => preloadWith('posts', call('groupLimit', 1), call('groupOrderBy', 'title', 'asc')),
  },
  {
    name: 'a table name from the models (static table)',
    graph: (q) => ({
      ...FIXTURE_GRAPH,
      models: FIXTURE_GRAPH.models.map((m) => (m.name === 'Post' ? { ...m, table: breakOut(q) } : m)),
    }),
    plan: () => ({
      model: 'User',
      calls: [call('query'), call('preload', 'posts'), call('withCount', 'posts')],
    }),
  },
]

type Outcome = { result?: PreviewResult; error?: PreviewError }

/** The quote of identifiers in the statements a target receives. */
export type IdentifierQuote = '"' | '`'

export function injectionSuite(
  title: string,
  open: () => TargetDatabase | Promise<TargetDatabase>,
  q: IdentifierQuote,
): void {
  describe(title, () => {
    let target: TargetDatabase
    before(async () => {
      target = await open()
    })
    after(() => target?.close())

    for (const scenario of refusedCases()) {
      test(`refused before any statement: ${scenario.name}`, async () => {
        const outcome = await target.withExecutor((executor) =>
          runPlan(scenario.graph ?? FIXTURE_GRAPH, scenario.plan, executor).then(
            (result) => ({ result, error: undefined }),
            (error: unknown) => ({ result: undefined, error }),
          ),
        )
        assert.ok(
          outcome.error instanceof PreviewError,
          `not refused: ${JSON.stringify(outcome.result?.statements)}`,
        )
        assert.match(outcome.error.message, scenario.message)
        assert.deepEqual(outcome.error.statements, [])
      })
    }

    for (const scenario of INERT) {
      test(`inert: ${scenario.name}`, async () => {
        const plan = scenario.plan(q)
        const outcome = await target.withExecutor((executor) =>
          runPlan(scenario.graph?.(q) ?? FIXTURE_GRAPH, plan, executor).then(
            (result): Outcome => ({ result }),
            (error: unknown): Outcome => {
              if (!(error instanceof PreviewError)) throw error
              return { error }
            },
          ),
        )
        const statements = outcome.result?.statements ?? outcome.error?.statements ?? []
        assertInert(q, statements, outcome.result)
      })
    }
  })
}

/** The marker is nowhere in the statements outside a quoted identifier, nor in any row. */
export function assertInert(
  q: IdentifierQuote,
  statements: Array<{ sql: string }>,
  result?: PreviewResult,
): void {
  // Every quoted identifier (its quote doubled inside) removed, the marker must be gone.
  const identifier = new RegExp(`${q}(?:[^${q}]|${q}${q})*${q}`, 'g')
  for (const { sql } of statements) {
    assert.ok(!sql.replace(identifier, '').includes(MARKER), `the marker escaped its place: ${sql}`)
  }
  const values = result ? leafValues([result.result, result.extras]) : []
  assert.ok(!values.includes('INJECTED'), 'a row holds the injected value')
}

function leafValues(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value]
  return Object.values(value).flatMap(leafValues)
}
