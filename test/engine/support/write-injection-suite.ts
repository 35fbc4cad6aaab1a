// Injection attempts in dry-run writes: column names and values of update, create and delete, on a
// real database. Keys reach the SQL only as quoted identifiers and values only as bindings, so the
// marker never escapes its place, no row holds it, and the database is unchanged afterwards.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { call, type QueryPlan } from '../../../engine/src/plan'
import { PreviewError } from '../../../engine/src/query/errors'
import type { PreviewResult } from '../../../engine/src/query/result'
import { assertInert, breakOut, type IdentifierQuote } from './injection-suite'
import type { WriteTarget } from './write-differential'

const userQuery = (...calls: ReturnType<typeof call>[]): QueryPlan => ({
  model: 'User',
  calls: [call('query'), call('where', 'id', 1), ...calls],
})

const CASES: Array<[string, (q: string) => QueryPlan]> = [
  ['update: a column name', (q) => userQuery(call('update', { [breakOut(q)]: 'x' }))],
  ['update(key, value): a column name', (q) => userQuery(call('update', breakOut(q), 'x'))],
  ['update: a value', (q) => userQuery(call('update', { fullName: breakOut(q) }))],
  [
    'delete: a where column',
    (q) => ({ model: 'User', calls: [call('query'), call('where', breakOut(q), 1), call('delete')] }),
  ],
  ['create: a value', (q) => ({ model: 'User', calls: [call('create', { fullName: breakOut(q) })] })],
  [
    'related create: a value',
    (q) => ({
      model: 'User',
      calls: [call('findOrFail', 1), call('related', 'posts'), call('create', { title: breakOut(q) })],
    }),
  ],
]

type Outcome = { result?: PreviewResult; statements: Array<{ sql: string }> }

export function writeInjectionSuite(
  title: string,
  open: () => WriteTarget | Promise<WriteTarget>,
  q: IdentifierQuote,
): void {
  describe(title, () => {
    let target: WriteTarget
    before(async () => {
      target = await open()
    })
    after(() => target?.close())

    for (const [name, plan] of CASES) {
      test(`inert in a dry run: ${name}`, async () => {
        // Servers never roll id counters back (the dry run warns so): compare them reset.
        await target.resetCounters?.()
        const before = await target.checksum()
        const outcome = await target.preview(plan(q), { dryRun: true }).then(
          (result): Outcome => ({ result, statements: result.statements }),
          (error: unknown): Outcome => {
            if (!(error instanceof PreviewError)) throw error
            return { statements: error.statements }
          },
        )
        assertInert(q, outcome.statements, outcome.result)
        await target.resetCounters?.()
        assert.equal(await target.checksum(), before)
      })
    }
  })
}
