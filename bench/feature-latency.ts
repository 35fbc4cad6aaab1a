// Hover, completion and definition latency of the real server over JSON-RPC (issue 5's target:
// p95 under 20 ms at 1,000 models). Steady state: the project is loaded and current, as it is when a
// user hovers or completes after the diagnostics of their last keystroke came back.
// Usage: node build/bench/feature-latency.js <app-dir> <models> [requests]
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { Position } from 'vscode-languageserver/node'
import { LspHarness } from '../test/support/lsp-harness'
import { editTarget } from './app-shape'
import { controllerFile, modelFile } from './generate-app'
import { percentile } from './stats'

export interface FeatureTiming {
  p50: number
  p95: number
  max: number
  /** Requests that came back empty: the timed work was not done. */
  empty: number
}

export interface FeatureResult {
  hover: FeatureTiming
  completion: FeatureTiming
  definition: FeatureTiming
}

/** The position just inside the first occurrence of `needle`'s string literal, `offsetInto` characters in. */
function positionOf(text: string, needle: string, offsetInto: number): Position {
  const index = text.indexOf(needle)
  if (index < 0) throw new Error(`"${needle}" not found`)
  const before = text.slice(0, index + offsetInto)
  const line = before.split('\n').length - 1
  return { line, character: before.length - before.lastIndexOf('\n') - 1 }
}

async function timeRequests(
  count: number,
  request: () => Promise<unknown>,
  isEmpty: (answer: unknown) => boolean,
): Promise<FeatureTiming> {
  await request() // warm-up: the first request of a kind loads code paths, not what users wait for
  const samples: number[] = []
  let empty = 0
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    const answer = await request()
    samples.push(performance.now() - t0)
    if (isEmpty(answer)) empty++
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), empty }
}

async function main(): Promise<void> {
  const [dir, modelsArg, countArg] = process.argv.slice(2)
  if (!dir || !modelsArg) throw new Error('usage: feature-latency <app-dir> <models> [requests]')
  const count = Number(countArg ?? 60)
  const target = editTarget(Number(modelsArg))
  const modelPath = modelFile(dir, target.model)
  const controllerPath = controllerFile(dir, target.controller)
  const controllerText = readFileSync(controllerPath, 'utf8')
  const lsp = await LspHarness.start({ pull: true, rootPath: dir })
  const modelUri = await lsp.open(modelPath)
  const controllerUri = await lsp.open(controllerPath)
  await Promise.all([lsp.pull(modelUri), lsp.pull(controllerUri)])

  const relation = positionOf(readFileSync(modelPath, 'utf8'), '@hasMany(', 2)
  const preloadName = positionOf(controllerText, ".preload('", ".preload('".length + 1)
  const doc = (uri: string, position: Position) => ({ textDocument: { uri }, position })
  const result: FeatureResult = {
    hover: await timeRequests(
      count,
      () => lsp.client.sendRequest('textDocument/hover', doc(modelUri, relation)),
      (a) => !a,
    ),
    completion: await timeRequests(
      count,
      () => lsp.client.sendRequest('textDocument/completion', doc(controllerUri, preloadName)),
      (a) => !a || (Array.isArray(a) ? a.length === 0 : (a as { items: unknown[] }).items.length === 0),
    ),
    definition: await timeRequests(
      count,
      () => lsp.client.sendRequest('textDocument/definition', doc(controllerUri, preloadName)),
      (a) => !a || (Array.isArray(a) && a.length === 0),
    ),
  }
  console.log(JSON.stringify(result))
  await lsp.stop()
  process.exit(0) // the in-process server keeps its streams open
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
