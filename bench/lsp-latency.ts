// Re-publish latency of the real server, in-process over the test harness, for one app and one
// diagnostics mode. Runs in its own process (one per mode) so its memory is one server's alone.
// Usage: node --expose-gc build/bench/lsp-latency.js <app-dir> <models> <pull|push> [edits]
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { pathToUri } from '../server/src/features/uri'
import { LspHarness } from '../test/support/lsp-harness'
import { editTarget } from './app-shape'
import { editAt, type Edit } from './edit-scenario'
import { controllerFile, modelFile } from './generate-app'
import { percentile } from './stats'

export interface LspResult {
  mode: 'pull' | 'push'
  /** Open both files until both have diagnostics: the cold project load inside the server. */
  firstMs: number
  samples: number[]
  p50: number
  p95: number
  max: number
  /** Edits whose diagnostics did not show (or clear) the expected finding. */
  wrong: string[]
  rssAfterGc: number
  heapUsedAfterGc: number
  maxRssKb: number
}

const WATCHDOG_MS = 180_000

/** Diagnostics counts of the model and the controller once the server has caught up with an edit. */
type Round = (edit: Edit, version: number) => Promise<[number, number]>

async function main(): Promise<void> {
  const [dir, modelsArg, modeArg, editsArg] = process.argv.slice(2)
  if (!dir || !modelsArg || (modeArg !== 'pull' && modeArg !== 'push')) {
    throw new Error('usage: lsp-latency <app-dir> <models> <pull|push> [edits]')
  }
  const models = Number(modelsArg)
  const edits = Number(editsArg ?? 40)
  const target = editTarget(models)
  const modelPath = modelFile(dir, target.model)
  const original = readFileSync(modelPath, 'utf8')
  // The in-process server holds no handle that keeps Node alive (a real one has its stdin), so a
  // pending promise alone would end the process silently; the watchdog also turns a hang into an error.
  const watchdog = setTimeout(() => {
    console.error(`lsp-latency: no result after ${WATCHDOG_MS / 1000} s`)
    process.exit(1)
  }, WATCHDOG_MS)
  const harness = await LspHarness.start({ pull: modeArg === 'pull', rootPath: dir })

  const started = performance.now()
  const session =
    modeArg === 'pull'
      ? await pullSession(harness, modelPath, dir, target.controller)
      : await pushSession(harness, modelPath, dir, target.controller)
  const firstMs = performance.now() - started
  if (modeArg === 'push') await sleep(300) // lets a late settings refresh publish before timing starts

  const samples: number[] = []
  const wrong: string[] = []
  for (let round = 1; round <= edits; round++) {
    const edit = editAt(round, original, target.model, models)
    const t0 = performance.now()
    const [modelCount, controllerCount] = await session(edit, round + 1)
    samples.push(performance.now() - t0)
    if (modelCount > 0 !== edit.modelFlagged || controllerCount > 0 !== edit.controllerFlagged) {
      wrong.push(
        `edit ${round} (${edit.label}): model ${modelCount}, controller ${controllerCount} diagnostics`,
      )
    }
  }

  globalThis.gc?.()
  const memory = process.memoryUsage()
  const result: LspResult = {
    mode: modeArg,
    firstMs,
    samples,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    wrong,
    rssAfterGc: memory.rss,
    heapUsedAfterGc: memory.heapUsed,
    maxRssKb: process.resourceUsage().maxRSS,
  }
  console.log(JSON.stringify(result))
  clearTimeout(watchdog)
  await harness.stop()
  process.exit(0) // the in-process server keeps its streams open
}

/** Opens both files and pulls both once (the warm-up); each round then pulls both after the edit. */
async function pullSession(
  harness: LspHarness,
  modelPath: string,
  dir: string,
  controller: number,
): Promise<Round> {
  const modelUri = await harness.open(modelPath)
  const controllerUri = await harness.open(controllerFile(dir, controller))
  await Promise.all([harness.pull(modelUri), harness.pull(controllerUri)])
  return async (edit) => {
    await harness.replace(modelUri, edit.text)
    const [a, b] = await Promise.all([harness.pull(modelUri), harness.pull(controllerUri)])
    return [a.length, b.length]
  }
}

/**
 * Push: the server re-publishes every open document 30 ms after the last change (its coalescing
 * delay, included in the times). The model's publish carries the edited version; the controller's
 * comes right after it from the same pass, and the round ends when it arrives.
 */
async function pushSession(
  harness: LspHarness,
  modelPath: string,
  dir: string,
  controller: number,
): Promise<Round> {
  const controllerPath = controllerFile(dir, controller)
  const firstModel = harness.nextPublish(pathToUri(modelPath))
  const firstController = harness.nextPublish(pathToUri(controllerPath))
  const modelUri = await harness.open(modelPath)
  const controllerUri = await harness.open(controllerPath)
  await Promise.all([firstModel, firstController])
  return async (edit, version) => {
    let modelSeen = false
    const model = harness.nextPublish(modelUri, (p) => (modelSeen = p.version === version))
    const controllerDone = harness.nextPublish(controllerUri, () => modelSeen)
    await harness.replace(modelUri, edit.text)
    const [m, c] = await Promise.all([model, controllerDone])
    return [m.diagnostics.length, c.diagnostics.length]
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
