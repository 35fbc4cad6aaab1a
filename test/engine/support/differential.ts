// Runs each scenario through real Lucid and through the engine on the same seeded SQLite file and
// asserts the executed statements (sql + bindings), the serialized result and the extras tree, or
// the error message, are identical.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { SqliteExecutor } from '../../../engine/src/connection/sqlite-executor'
import type { QueryPlan } from '../../../engine/src/plan'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import { createFixtureDatabase, removeFixtureDatabase } from './fixture-db'
import { FIXTURE_GRAPH } from './fixture-graph'
import { createLucidTwin, type LucidModels, type LucidTwin, type Outcome } from './lucid-twin'

export interface Scenario {
  name: string
  /** The Lucid code the plan stands for, run against real Lucid models. */
  lucid: (models: LucidModels) => Promise<unknown>
  plan: QueryPlan
  /** Real Lucid throws here; the engine must throw the same message. */
  throws?: true
}

export async function engineOutcome(plan: QueryPlan, executor: SqliteExecutor): Promise<Outcome> {
  try {
    const { statements, result, extras } = await runPlan(FIXTURE_GRAPH, plan, executor)
    return { statements: statements.map(({ sql, bindings }) => ({ sql, bindings })), result, extras }
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error
    return {
      statements: error.statements.map(({ sql, bindings }) => ({ sql, bindings })),
      error: error.message,
    }
  }
}

export function differential(title: string, scenarios: Scenario[]): void {
  describe(title, () => {
    let file = ''
    let twin: LucidTwin
    let executor: SqliteExecutor
    before(async () => {
      file = createFixtureDatabase()
      twin = await createLucidTwin(FIXTURE_GRAPH, file)
      executor = new SqliteExecutor(file)
    })
    after(async () => {
      await twin.close()
      executor.close()
      removeFixtureDatabase(file)
    })
    for (const scenario of scenarios) {
      test(scenario.name, async () => {
        const expected = await twin.run(scenario.lucid)
        assert.equal(
          expected.error !== undefined,
          scenario.throws === true,
          `Lucid: ${expected.error ?? 'no error'}`,
        )
        assert.deepStrictEqual(await engineOutcome(scenario.plan, executor), expected)
      })
    }
  })
}
