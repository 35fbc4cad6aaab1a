// What the server tiers inspect on each dialect: a content checksum that notices any write (even one
// that restores the same values), whether a statement is still running on the server, and SQL that
// sleeps. Read through a separate knex connection, never through the executor under test.
import { setTimeout as delay } from 'node:timers/promises'
import type { Knex } from 'knex'
import type { ServerDialect } from './server-db'

/** Marks the statements the tests start, so the server's process list can find them. */
export const MARKER = 'lucid_lens_probe'

export function sleepSql(dialect: ServerDialect, seconds: number): string {
  return dialect === 'pg'
    ? `select pg_sleep(${seconds}) as ${MARKER}`
    : `select sleep(${seconds}) as ${MARKER}`
}

/** Whether a preview's statement is executing on the server (marked with `MARKER` on MySQL). */
export async function probeRunning(dialect: ServerDialect, db: Knex): Promise<boolean> {
  if (dialect === 'pg') {
    // A cursor's query runs on FETCH, so the active statement is the FETCH of a preview session.
    const { rows } = await db.raw(
      `select count(*)::int as n from pg_stat_activity
       where state = 'active' and application_name = 'lucid-lens preview' and datname = current_database()`,
    )
    return rows[0].n > 0
  }
  const [rows] = await db.raw(
    `select count(*) as n from information_schema.processlist
     where info like ? and command = 'Query' and id <> connection_id()`,
    [`%${MARKER}%`],
  )
  return Number(rows[0].n) > 0
}

/** Sessions the engine's executors left open on this database (they tag themselves on pg only). */
export async function previewSessions(dialect: ServerDialect, db: Knex): Promise<number> {
  if (dialect === 'pg') {
    const { rows } = await db.raw(
      `select count(*)::int as n from pg_stat_activity
       where application_name = 'lucid-lens preview' and datname = current_database()`,
    )
    return rows[0].n
  }
  const [rows] = await db.raw(
    `select count(*) as n from information_schema.processlist where db = database() and id <> connection_id()`,
  )
  // The knex pool of the test itself holds at most one connection, which is this one.
  return Number(rows[0].n)
}

/**
 * Every table's rows with their row versions (pg `xmin`), the sequences and large objects on pg;
 * MySQL's `CHECKSUM TABLE` plus the tables' update times. Any write changes the result.
 */
export async function contentChecksum(dialect: ServerDialect, db: Knex): Promise<string> {
  if (dialect === 'pg') {
    const tables: string[] = await db('information_schema.tables')
      .where({ table_schema: 'public' })
      .orderBy('table_name')
      .pluck('table_name')
    const parts: string[] = []
    for (const table of tables) {
      const { rows } = await db.raw(
        `select coalesce(md5(string_agg(t::text || '@' || t.xmin::text, ',' order by t::text)), '') as h from ?? t`,
        [table],
      )
      parts.push(`${table}:${rows[0].h}`)
    }
    const sequences = await db.raw('select sequencename, last_value from pg_sequences order by 1')
    const objects = await db.raw('select count(*)::int as n from pg_largeobject_metadata')
    return JSON.stringify([parts, sequences.rows, objects.rows])
  }
  const [tables] = await db.raw(
    'select table_name as name, update_time as at from information_schema.tables where table_schema = database() order by 1',
  )
  const names = (tables as Array<{ name: string }>).map((t) => t.name)
  const [sums] = await db.raw(`checksum table ${names.map(() => '??').join(', ')} extended`, names)
  return JSON.stringify([tables, sums])
}

/** Waits for a condition the server reaches on its own (a backend exiting, a query starting). */
export async function waitFor(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`)
    await delay(10)
  }
}
