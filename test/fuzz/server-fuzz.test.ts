// The fuzz tier: the real bundled server over stdio under seeded random edits (import paths that
// resolve nowhere, broken TypeScript mid-edit, renamed strings, deeply nested code, restores) with
// every request type after each edit. Asserts no crash, every request answered (none failing
// inside the server), and a heap plateau after GC. A failure names its seed: rerun with
// `npm run bench:fuzz -- --seed N` for the full-size run. Bounded: about 25 s here.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createFuzzApp, runFuzz, type FuzzReport } from './fuzz-server'

const SEED = 20261206
let app: { root: string; remove(): void }

before(async () => {
  app = await createFuzzApp()
})
after(() => app.remove())

function assertHealthy(report: FuzzReport): void {
  assert.equal(report.exited, undefined, `the server ended: ${report.exited}`)
  assert.deepEqual(report.unanswered, [], 'requests never answered')
  assert.deepEqual(report.failed, [], 'requests answered with an error')
  assert.deepEqual(report.serverErrors, [], 'failures inside the server')
}

/** Growth of the heap after GC from the first sample (a tenth in) to the largest later one, in MB. */
function growth(report: FuzzReport): number {
  const first = report.heap[0]?.mb ?? 0
  return Math.max(...report.heap.map((h) => h.mb)) - first
}

test(`import paths that resolve nowhere, 800 edits (seed ${SEED}): the heap stays flat`, async () => {
  const report = await runFuzz(app.root, {
    seed: SEED,
    edits: 800,
    requestsPerEdit: 1,
    heapSamples: 5,
    importsOnly: true,
  })
  assertHealthy(report)
  assert.equal(report.requests, 800 + 5 + 2)
  // Unbounded, the resolution cache grew about 11 KB per edit: 8 MB over these 720 edits.
  assert.ok(growth(report) < 4, `heap after GC: ${JSON.stringify(report.heap)}`)
})

test(`random edits with every request type, 250 edits (seed ${SEED}): no crash, all answered`, async () => {
  const report = await runFuzz(app.root, { seed: SEED, edits: 250, requestsPerEdit: 4, heapSamples: 4 })
  assertHealthy(report)
  for (const kind of ['importPath', 'typo', 'deletion', 'rename', 'deepNesting', 'restore'])
    assert.ok((report.edits[kind] ?? 0) > 0, `no ${kind} edit: ${JSON.stringify(report.edits)}`)
  assert.ok(report.requests >= 250 * 4)
  assert.ok(growth(report) < 8, `heap after GC: ${JSON.stringify(report.heap)}`)
})
