// The fuzz tier at full size: the real bundled server over stdio under thousands of seeded random
// edits with every request type, and the import-path scenario of issue 12 (every edit a new
// unresolvable import). Prints the heap after GC over the run and what went wrong, if anything.
// Usage: npm run bench:fuzz [-- --seed N --edits N --imports N]
import { createFuzzApp, runFuzz, type FuzzReport } from '../test/fuzz/fuzz-server'

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`)
  return value
}

function summary(name: string, report: FuzzReport): string {
  const heap = report.heap.map((h) => `${h.edits}:${h.mb}`).join(' ')
  return [
    `${name}: ${Object.values(report.edits).reduce((a, b) => a + b, 0)} edits ${JSON.stringify(report.edits)}`,
    `  ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s; failed ${report.failed.length}, renames refused ${report.refused}, unanswered ${report.unanswered.length}, server errors ${report.serverErrors.length}, exited: ${report.exited ?? 'no'}`,
    `  heap after GC (edits:MB): ${heap}`,
    ...report.failed.slice(0, 5).map((f) => `  failed: ${f}`),
    ...report.serverErrors.slice(0, 5).map((e) => `  server error: ${e.split('\n').slice(0, 3).join(' | ')}`),
    ...[...new Set(report.messages)].slice(0, 5).map((m) => `  message: ${m}`),
  ].join('\n')
}

async function main(): Promise<void> {
  const seed = arg('seed', 12)
  const app = await createFuzzApp()
  try {
    const imports = arg('imports', 3000)
    if (imports) {
      const report = await runFuzz(app.root, {
        seed,
        edits: imports,
        requestsPerEdit: 1,
        heapSamples: 7,
        importsOnly: true,
      })
      console.log(summary(`import paths (seed ${seed})`, report))
    }
    const edits = arg('edits', 20000)
    if (edits) {
      const report = await runFuzz(app.root, {
        seed,
        edits,
        requestsPerEdit: 3,
        heapSamples: 9,
        progress: (line) => console.error(line),
      })
      console.log(summary(`random edits (seed ${seed})`, report))
    }
  } finally {
    app.remove()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
