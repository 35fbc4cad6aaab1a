// `npm run bench:dry-run`: what a SQLite dry run's private copy costs on a 1,000,000-row table
// (the test's `big_rows` with a 100-byte note per row), in rollback-journal and WAL mode: the copy
// alone, the whole dry run of `BigRow.query().update({ label })` (copy, update, rollback, delete),
// and for comparison the update rolled back in place, as dry runs ran before the copy existed.
import Database from 'better-sqlite3'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { snapshotSqlite } from '../engine/src/connection/sqlite-snapshot'
import { previewSqlite } from '../engine/src/preview'
import { planFromCode } from '../server/src/preview/plan-from-code'
import { BIG_GRAPH, createBigTable } from '../test/preview/support/big-table'
import { mb, median } from './stats'

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const UPDATE = planFromCode("BigRow.query().update({ label: 'changed' })")

async function timed(run: () => unknown): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

async function samples(run: () => unknown): Promise<string> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await timed(run))
  return `${Math.round(median(times))} ms (min ${Math.round(Math.min(...times))})`
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-dry-run-bench-'))
  try {
    console.log(`${ROWS} rows, median of ${RUNS} runs, ${os.cpus().length} cores, load ${os.loadavg()[0]}`)
    for (const wal of [false, true]) {
      const file = path.join(dir, wal ? 'wal.sqlite3' : 'rollback.sqlite3')
      createBigTable(file, ROWS, wal)
      console.log(`\n${wal ? 'WAL' : 'rollback journal'}: ${mb(fs.statSync(file).size)} MB`)
      console.log(
        `  copy alone:           ${await samples(async () => (await snapshotSqlite(file)).remove())}`,
      )
      const dryRun = () => previewSqlite(BIG_GRAPH, UPDATE, file, { dryRun: true, timeoutMs: 600_000 })
      console.log(`  dry run (copy+write): ${await samples(dryRun)}`)
      const inPlace = () => {
        const db = new Database(file)
        db.exec('BEGIN')
        db.prepare("update big_rows set label = 'changed'").run()
        db.exec('ROLLBACK')
        db.close()
      }
      console.log(`  in place, rolled back: ${await samples(inPlace)}`)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
