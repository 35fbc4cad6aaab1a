// The SQLite worker on a locked file: the time limit reached while the preview waits for another
// connection's lock says the file is locked (not that the query was slow), for reads and dry runs,
// and a lock released in time lets the preview run.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { PreviewError } from '../../engine/src/query/errors'
import { planFromCode } from '../../server/src/preview/plan-from-code'
import { previewSqliteInWorker } from '../../server/src/preview/sqlite-worker'
import { BIG_GRAPH, createBigTable } from './support/big-table'

let dir = ''
let file = ''
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-sqlite-lock-'))
  file = path.join(dir, 'db.sqlite3')
  createBigTable(file, 10)
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

test('the time limit reached while waiting for a lock names the locked file', async () => {
  const holder = new Database(file)
  holder.exec('BEGIN EXCLUSIVE')
  try {
    for (const [code, dryRun] of [
      ["BigRow.query().select('id', 'label').where('id', 1)", false],
      ["BigRow.query().update({ label: 'changed' })", true],
    ] as const) {
      const request = { graph: BIG_GRAPH, plan: planFromCode(code), file, dryRun }
      await assert.rejects(previewSqliteInWorker(request, { timeoutMs: 300 }), (error: unknown) => {
        assert.ok(error instanceof PreviewError, String(error))
        assert.equal(error.code, 'E_LOCKED', error.message)
        assert.ok(error.message.startsWith(`The database file ${file} is locked by another process`))
        assert.match(error.message, /waited 300 ms, its time limit/)
        return true
      })
    }
  } finally {
    holder.exec('ROLLBACK')
    holder.close()
  }
  const request = {
    graph: BIG_GRAPH,
    plan: planFromCode("BigRow.query().select('id', 'label').where('id', 1)"),
    file,
  }
  const result = await previewSqliteInWorker(request, { timeoutMs: 30_000 })
  assert.deepEqual(result.result, [{ id: 1, label: 'row 1' }])
})
