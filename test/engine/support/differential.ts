// Runs each scenario through real Lucid and through the engine on the same seeded database and
// asserts the executed statements (sql + bindings), the serialized result and the extras tree, or
// the error message, are identical. The database is SQLite by default; server tiers pass a target.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { SqliteExecutor } from '../../../engine/src/connection/sqlite-executor'
import { DatabaseError } from '../../../engine/src/connection/database-errors'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { runPlan } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import type { StatementExecutor } from '../../../engine/src/query/runtime'
import { createFixtureDatabase, removeFixtureDatabase } from './fixture-db'
import { FIXTURE_GRAPH } from './fixture-graph'
import {
  createLucidTwin,
  DATABASE_ERROR,
  type LucidConnection,
  type LucidModels,
  type LucidTwin,
  type Outcome,
} from './lucid-twin'

export interface Scenario {
  name: string
  /** The Lucid code the plan stands for, run against real Lucid models. */
  lucid: (models: LucidModels) => Promise<unknown>
  plan: QueryPlan
  /** Real Lucid throws here; the engine must throw the same message. */
  throws?: true
  /** The engine's warnings, exactly (none when absent). */
  warnings?: string[]
  /**
   * Lucid sends these statements from a Promise.all (sibling preloads): on a connection pool their
   * order depends on timing, so they are compared as a multiset. Results are still compared exactly.
   */
  concurrentStatements?: true
}

/** A seeded database both sides run on. */
export interface TargetDatabase {
  /** How real Lucid connects (a string is a SQLite file). */
  lucid: string | LucidConnection
  /** Runs one scenario's engine side with an executor on the database. */
  withExecutor<T>(run: (executor: StatementExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The default target: the SQLite fixture file, one read-only executor for the whole suite. */
export function sqliteTarget(): TargetDatabase {
  const file = createFixtureDatabase()
  const executor = new SqliteExecutor(file)
  return {
    lucid: file,
    withExecutor: (run) => run(executor),
    async close() {
      executor.close()
      removeFixtureDatabase(file)
    },
  }
}

/** The engine's side of a scenario; `warnings` is kept apart from what Lucid can be compared on. */
export async function engineOutcome(
  plan: QueryPlan,
  executor: StatementExecutor,
  graph: ModelGraph = FIXTURE_GRAPH,
): Promise<Outcome & { warnings?: string[] }> {
  try {
    const { statements, result, extras, warnings } = await runPlan(graph, plan, executor)
    const executed = statements.map(({ sql, bindings }) => ({ sql, bindings }))
    return { statements: executed, result, extras, warnings }
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error
    const server = error instanceof DatabaseError ? error.detail.server : undefined
    return {
      statements: error.statements.map(({ sql, bindings }) => ({ sql, bindings })),
      error: server === undefined ? error.message : `${DATABASE_ERROR}${server}`,
    }
  }
}

/** Another graph (a generation) for both sides, and where a different real Lucid is installed. */
export interface TwinOptions {
  graph?: ModelGraph
  packageRoot?: string
}

export function differential(
  title: string,
  scenarios: Scenario[],
  open: () => TargetDatabase | Promise<TargetDatabase> = sqliteTarget,
  { graph = FIXTURE_GRAPH, packageRoot }: TwinOptions = {},
): void {
  describe(title, () => {
    let target: TargetDatabase
    let twin: LucidTwin
    before(async () => {
      target = await open()
      twin = await createLucidTwin(graph, target.lucid, packageRoot)
    })
    after(async () => {
      await twin?.close()
      await target?.close()
    })
    for (const scenario of scenarios) {
      test(scenario.name, async (t) => {
        const expected = await twin.run(scenario.lucid)
        // Where the database itself refuses Lucid's SQL (a dialect limit), the engine must send the
        // same statements and fail with the same server message, as the app would.
        if (expected.error?.startsWith(DATABASE_ERROR))
          t.diagnostic(`Lucid fails here too: ${expected.error}`)
        else
          assert.equal(
            expected.error !== undefined,
            scenario.throws === true,
            `Lucid: ${expected.error ?? 'no error'}`,
          )
        const { warnings, ...actual } = await target.withExecutor((executor) =>
          engineOutcome(scenario.plan, executor, graph),
        )
        if (scenario.concurrentStatements) {
          assert.deepStrictEqual(inAnyOrder(actual), inAnyOrder(expected))
        } else {
          assert.deepStrictEqual(actual, expected)
        }
        assert.deepStrictEqual(warnings ?? [], scenario.warnings ?? [])
      })
    }
  })
}

/** The outcome with its statements sorted, for statements whose order Lucid does not fix. */
function inAnyOrder(outcome: Outcome): Outcome {
  const key = (s: Outcome['statements'][number]) => JSON.stringify(s)
  return { ...outcome, statements: [...outcome.statements].sort((a, b) => key(a).localeCompare(key(b))) }
}
