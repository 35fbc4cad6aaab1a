// A dry run stopped at any point of a long write never changes the user's SQLite file. The time limit
// and a cancel are swept across the whole of `update()` on a large table, from before the private copy
// is taken to after the write ended; after every stop the database and its -wal have the same bytes,
// no -journal exists, the scratch copy is gone, and a read-only preview works. The moment of each
// cancel is the variable under test: whatever it hits, the same must hold.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { PreviewError } from '../../engine/src/query/errors'
import { planFromCode } from '../../server/src/preview/plan-from-code'
import { previewSqliteInWorker } from '../../server/src/preview/sqlite-worker'
import { BIG_GRAPH, createBigTable, fingerprint, holdWalRows } from './support/big-table'

const ROWS = 200_000
const UPDATE = planFromCode("BigRow.query().update({ label: 'changed' })")
const READ = planFromCode("BigRow.query().select('id', 'label').where('id', 1)")

let root = ''
let scratch = ''
const tmpdir = process.env['TMPDIR']

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-interrupted-'))
  // Scratch copies go to os.tmpdir(); a folder of this test's own shows that each one is deleted.
  scratch = path.join(root, 'scratch')
  fs.mkdirSync(scratch)
  process.env['TMPDIR'] = scratch
})
after(() => {
  if (tmpdir === undefined) delete process.env['TMPDIR']
  else process.env['TMPDIR'] = tmpdir
  fs.rmSync(root, { recursive: true, force: true })
})

function databaseIn(name: string): string {
  fs.mkdirSync(path.join(root, name))
  return path.join(root, name, 'db.sqlite3')
}

type Stop = { by: 'timeout' | 'cancel'; atMs: number }

/** Runs the update as a dry run, stopped by `stop`; `true` if it was stopped, not finished. */
async function dryRun(file: string, rows: number, stop?: Stop): Promise<boolean> {
  const controller = new AbortController()
  const timer = stop?.by === 'cancel' ? setTimeout(() => controller.abort(), stop.atMs) : undefined
  const timeoutMs = stop?.by === 'timeout' ? stop.atMs : 120_000
  try {
    const request = { graph: BIG_GRAPH, plan: UPDATE, file, dryRun: true }
    const result = await previewSqliteInWorker(request, { timeoutMs, signal: controller.signal })
    assert.equal(result.dryRun, true)
    assert.deepEqual(result.result, [rows])
    return false
  } catch (error) {
    assert.ok(error instanceof PreviewError, String(error))
    assert.equal(error.code, stop?.by === 'timeout' ? 'E_TIMEOUT' : 'E_CANCELLED', error.message)
    return true
  } finally {
    clearTimeout(timer)
  }
}

async function readFirstRow(file: string): Promise<unknown> {
  const result = await previewSqliteInWorker({ graph: BIG_GRAPH, plan: READ, file }, { timeoutMs: 30_000 })
  return result.result
}

/**
 * Stops the dry run at `points` moments spread over 110% of an unstopped run's duration, by the
 * time limit and by a cancel in turn, and checks the files after each stop.
 */
async function sweep(file: string, rows: number, points: number): Promise<void> {
  const files = fingerprint(file)
  assert.ok(!Object.keys(files).some((name) => name.endsWith('-journal')))
  // The shorter of two unstopped runs: the first may pay for a cold start.
  let fullMs = Infinity
  for (let run = 0; run < 2; run++) {
    const started = performance.now()
    assert.equal(await dryRun(file, rows), false)
    fullMs = Math.min(fullMs, performance.now() - started)
  }
  let stopped = 0
  for (let k = 1; k <= points; k++) {
    const stop: Stop = {
      by: k % 2 ? 'timeout' : 'cancel',
      atMs: Math.max(1, Math.round((fullMs * 1.1 * k) / points)),
    }
    if (await dryRun(file, rows, stop)) stopped++
    const where = `${stop.by} at ${stop.atMs} ms of ${Math.round(fullMs)} ms`
    assert.deepEqual(fingerprint(file), files, where)
    assert.deepEqual(fs.readdirSync(scratch), [], where)
    assert.deepEqual(await readFirstRow(file), [{ id: 1, label: 'row 1' }], where)
  }
  // Most points fall inside the run, so the sweep really stops it in the middle of the write.
  assert.ok(stopped >= points / 2, `only ${stopped} of ${points} runs were stopped`)
  assert.deepEqual(fingerprint(file), files)
}

test('a dry run stopped at any point leaves a rollback-journal database as it was', async () => {
  const file = databaseIn('rollback')
  createBigTable(file, ROWS)
  await sweep(file, ROWS, 14)
})

test('a dry run stopped at any point leaves a WAL database and its -wal file as they were', async () => {
  const file = databaseIn('wal')
  createBigTable(file, ROWS, true)
  const app = holdWalRows(file, 1_000)
  try {
    assert.ok(fs.statSync(`${file}-wal`).size > 0)
    // The copy includes the transactions still in the -wal file: the update counts their rows.
    await sweep(file, ROWS + 1_000, 8)
  } finally {
    app.close()
  }
})
