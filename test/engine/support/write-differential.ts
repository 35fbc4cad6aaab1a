// Dry-run writes, differentially: each scenario runs in real Lucid inside a transaction that is then
// rolled back (the model calls get `{ client: trx }`, so Lucid's managed transactions reuse it), and
// through the engine's `previewSqlite(..., { dryRun: true })` on the same seeded file. Statements
// (sql + bindings) and serialized results or error messages must be identical, and the file's bytes
// unchanged by the dry run. Transaction bookkeeping is not a statement on either side: Lucid's
// `BEGIN;`/`ROLLBACK` are dropped here, the engine reports them as `dryRun: true` instead.
/* eslint-disable @typescript-eslint/no-explicit-any -- Lucid models and transactions are untyped here */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { DRY_RUN_WARNING, previewSqlite, type PreviewOptions } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import type {
  ModelExtras,
  PreviewResult,
  ResultExtras,
  SerializedResult,
} from '../../../engine/src/query/result'
import { createFixtureDatabase, removeFixtureDatabase } from './fixture-db'
import { FIXTURE_GRAPH } from './fixture-graph'
import {
  createLucidTwin,
  type LucidConnection,
  type LucidModels,
  type LucidTwin,
  type Outcome,
} from './lucid-twin'

export interface WriteScenario {
  name: string
  /** The Lucid code the plan stands for; every model call must use `trx`. */
  lucid: (models: LucidModels, trx: any) => Promise<unknown>
  plan: QueryPlan
  throws?: true
}

/** "Now" on both sides: luxon's `Settings.now` for Lucid, the engine's `now` option. */
export const NOW = new Date(2025, 0, 2, 3, 4, 5, 678)

/**
 * The fixture models with timestamps: `User.createdAt` is autoCreate, `Post.createdAt` autoCreate
 * and autoUpdate (the posts table has no updated_at), `Comment.postedOn` an autoCreate date.
 */
export const WRITE_GRAPH: ModelGraph = {
  ...FIXTURE_GRAPH,
  models: FIXTURE_GRAPH.models.map((model) => ({
    ...model,
    columns: model.columns.map((column) => {
      const id = `${model.name}.${column.attribute}`
      if (id === 'User.createdAt' || id === 'Comment.postedOn') return { ...column, autoCreate: true }
      if (id === 'Post.createdAt') return { ...column, autoCreate: true, autoUpdate: true }
      return column
    }),
  })),
}

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** The warnings a dry run must give, from the statements it ran. */
export type ExpectedWarnings = (statements: PreviewResult['statements']) => string[]

/** A seeded database both sides write to, each inside a transaction that is rolled back. */
export interface WriteTarget {
  /** How real Lucid connects (a string is a SQLite file). */
  lucid: string | LucidConnection
  /** The engine's dry run of the plan. */
  preview(plan: QueryPlan, options: PreviewOptions): Promise<PreviewResult>
  /** Everything a write could change (file bytes; rows and their versions on a server). */
  checksum(): Promise<string>
  /**
   * Before each side: id counters back past the seeded rows, since servers never roll them back
   * (the ids Lucid's rolled-back inserts drew would shift the engine's).
   */
  resetCounters?(): Promise<void>
  close(): Promise<void>
}

/** The default target: a seeded SQLite file. */
export function sqliteWriteTarget(): WriteTarget {
  const file = createFixtureDatabase()
  return {
    lucid: file,
    preview: (plan, options) => previewSqlite(WRITE_GRAPH, plan, file, options),
    checksum: async () => sha256(file),
    close: async () => removeFixtureDatabase(file),
  }
}

export function writeDifferential(
  title: string,
  scenarios: WriteScenario[],
  makeTarget: () => Promise<WriteTarget> = async () => sqliteWriteTarget(),
  expectedWarnings: ExpectedWarnings = () => [DRY_RUN_WARNING],
): void {
  describe(title, () => {
    let target: WriteTarget
    let twin: LucidTwin
    before(async () => {
      target = await makeTarget()
      twin = await createLucidTwin(WRITE_GRAPH, target.lucid)
      const { Settings } = await dynamicImport('luxon')
      Settings.now = () => NOW.getTime()
    })
    after(async () => {
      await twin?.close()
      await target?.close()
    })
    for (const scenario of scenarios) {
      test(scenario.name, async () => {
        await target.resetCounters?.()
        const expected = await lucidOutcome(twin, scenario)
        assert.equal(
          expected.error !== undefined,
          scenario.throws === true,
          `Lucid: ${expected.error ?? 'no error'}`,
        )
        await target.resetCounters?.()
        const checksum = await target.checksum()
        const actual = await engineOutcome(scenario.plan, target, expectedWarnings)
        // The one thing a server keeps from a rolled-back insert is its id counter (see SEQUENCE_WARNING).
        await target.resetCounters?.()
        assert.equal(await target.checksum(), checksum, 'the dry run changed the database')
        assert.deepStrictEqual(actual, expected)
      })
    }
  })
}

async function lucidOutcome(twin: LucidTwin, scenario: WriteScenario): Promise<Outcome> {
  const db = twin.models.User.$adapter.db
  const knex = db.connection().getWriteClient()
  const statements: Outcome['statements'] = []
  const listener = (query: any) => {
    if (!/^(BEGIN;?|ROLLBACK;?|COMMIT;?)$/i.test(query.sql))
      statements.push({ sql: query.sql, bindings: query.bindings })
  }
  knex.on('query', listener)
  const trx = await db.transaction()
  try {
    const value = await scenario.lucid(twin.models, trx)
    return { statements, result: serializeLucid(value), extras: extrasLucid(value) }
  } catch (error) {
    return { statements, error: driverMessage(error) }
  } finally {
    await trx.rollback()
    knex.off('query', listener)
  }
}

export async function engineOutcome(
  plan: QueryPlan,
  target: Pick<WriteTarget, 'preview'>,
  expectedWarnings: ExpectedWarnings = () => [DRY_RUN_WARNING],
): Promise<Outcome> {
  try {
    const preview = await target.preview(plan, { dryRun: true, now: () => NOW })
    assert.equal(preview.dryRun, true, 'a writing plan reports dryRun')
    assert.deepEqual(preview.warnings, expectedWarnings(preview.statements))
    const { statements, result, extras } = preview
    return { statements: statements.map(({ sql, bindings }) => ({ sql, bindings })), result, extras }
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error
    return {
      statements: error.statements.map(({ sql, bindings }) => ({ sql, bindings })),
      error: error.message,
    }
  }
}

/** `serialize()` of what the Lucid code resolved to; `update()`/`delete()` give `[affectedRows]`. */
function serializeLucid(value: any): SerializedResult {
  if (value === null || value === undefined) return null
  if (isAffectedRows(value)) return value
  return Array.isArray(value) ? value.map((one) => one.serialize()) : value.serialize()
}

function extrasLucid(value: any): ResultExtras {
  if (value === null || value === undefined) return null
  if (isAffectedRows(value)) return null
  const one = (instance: any): ModelExtras => ({ extras: { ...instance.$extras }, relations: {} })
  return Array.isArray(value) ? value.map(one) : one(value)
}

function isAffectedRows(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((one) => typeof one === 'number')
}

/**
 * The message as the database gave it: knex prefixes a server error with the statement
 * (`insert into ... - null value in column ...`, pg) or keeps it in `sqlMessage` (mysql2); the engine
 * reports the server's words alone.
 */
function driverMessage(error: any): string {
  if (typeof error?.sqlMessage === 'string') return error.sqlMessage
  const message = String(error?.message ?? error)
  if (typeof error?.severity === 'string') return message.slice(message.lastIndexOf(' - ') + 3)
  return message
}
