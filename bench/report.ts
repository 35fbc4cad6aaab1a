// The results as one markdown table (one row per app size) plus the notes needed to read it.
import type { FeatureResult, FeatureTiming } from './feature-latency'
import type { LspResult } from './lsp-latency'
import { mb } from './stats'

export const RATIO_TARGET = 0.3
export const P95_TARGET_MS = 50
export const FEATURE_P95_TARGET_MS = 20

export interface ColdSide {
  /** Median of the runs, spawn to exit. */
  ms: number
  runs: number[]
  maxRssKb?: number
}

export interface SizeResult {
  models: number
  files: number
  findings: number
  ours: ColdSide
  tsc: ColdSide
  pull?: LspResult
  push?: LspResult
  features?: FeatureResult
}

const HEADER = [
  'models (files)',
  'cold: ours',
  'cold: tsc --noEmit',
  `ours/tsc (≤ ${RATIO_TARGET})`,
  'peak RSS ours / tsc',
  'first diagnostics',
  'pull re-publish p50 / p95 / max',
  `p95 < ${P95_TARGET_MS} ms`,
  'push (incl. 30 ms delay) p50 / p95 / max',
  'server RSS / heap after GC',
  `hover / completion / definition p95 (< ${FEATURE_P95_TARGET_MS} ms)`,
  'findings',
]

export function markdownTable(rows: SizeResult[]): string {
  const lines = [row(HEADER), row(HEADER.map(() => '---'))]
  for (const r of rows) {
    const ratio = r.ours.ms / r.tsc.ms
    lines.push(
      row([
        `${r.models} (${r.files})`,
        seconds(r.ours.ms),
        seconds(r.tsc.ms),
        `${ratio.toFixed(2)} ${ratio <= RATIO_TARGET ? '✓' : '✗'}`,
        `${kb(r.ours.maxRssKb)} / ${kb(r.tsc.maxRssKb)}`,
        r.pull ? seconds(r.pull.firstMs) : 'not run',
        r.pull ? spread(r.pull) : 'not run',
        r.pull ? (r.pull.p95 < P95_TARGET_MS ? '✓' : '✗') : '–',
        r.push ? spread(r.push) : 'not run',
        r.pull ? `${mb(r.pull.rssAfterGc)} / ${mb(r.pull.heapUsedAfterGc)} MB` : '–',
        r.features ? featuresCell(r.features) : 'not run',
        findingsCell(r),
      ]),
    )
  }
  return lines.join('\n')
}

/** Zero findings proves the app is correct; wrong edits would mean the timed work was not done. */
function findingsCell(r: SizeResult): string {
  const wrong = (r.pull?.wrong.length ?? 0) + (r.push?.wrong.length ?? 0)
  const edits = wrong > 0 ? `, ${wrong} edits without the expected finding` : ''
  return `${r.findings}${r.findings === 0 ? ' ✓' : ' ✗'}${edits}`
}

function featuresCell(f: FeatureResult): string {
  const cell = (t: FeatureTiming) => `${Math.round(t.p95)}${t.empty ? ' (empty!)' : ''}`
  const ok = [f.hover, f.completion, f.definition].every((t) => t.p95 < FEATURE_P95_TARGET_MS && !t.empty)
  return `${cell(f.hover)} / ${cell(f.completion)} / ${cell(f.definition)} ms ${ok ? '✓' : '✗'}`
}

function spread(r: LspResult): string {
  return `${Math.round(r.p50)} / ${Math.round(r.p95)} / ${Math.round(r.max)} ms`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

function kb(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${Math.round(value / 1024)} MB`
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}
