// `npm run bench:analysis`: cold analysis vs tsc and LSP re-publish latency on synthetic apps of
// several sizes, side by side in one run. Every heavy step is a child process run one at a time
// (2-core machines), so no measurement shares a CPU or a heap with another.
//   BENCH_SIZES=200,1000,3000  app sizes (models)
//   BENCH_LSP_SIZES=...        sizes that also get the LSP runs (default: all)
//   BENCH_EDITS=40             edits per LSP run
//   BENCH_APPS_DIR=...         where apps are generated (default: <tmpdir>/lucid-lens-bench, see below)
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as prettier from 'prettier'
import ts from 'typescript'
import type { ColdResult } from './cold-analysis'
import { generateApp, modelFile } from './generate-app'
import type { FeatureResult } from './feature-latency'
import type { LspResult } from './lsp-latency'
import { hasGnuTime, lastJsonLine, runNode } from './measure'
import { markdownTable, type SizeResult } from './report'
import { median } from './stats'

const RUNS = 5
const REPO = path.resolve(__dirname, '../..')
const RESULTS = path.join(REPO, 'bench', 'results', 'analysis.md')
// Outside the repository on purpose: the repo's own node_modules now holds @adonisjs/lucid, and an
// app below it would resolve those types, which makes tsc a full Lucid type-check (18 s at 200 models)
// and no longer the "app before npm install" case this benchmark compares.
const APPS_DIR = path.resolve(process.env.BENCH_APPS_DIR ?? path.join(os.tmpdir(), 'lucid-lens-bench'))

async function main(): Promise<void> {
  const sizes = numbers(process.env.BENCH_SIZES) ?? [200, 1000, 3000]
  const lspSizes = numbers(process.env.BENCH_LSP_SIZES) ?? sizes
  const edits = Number(process.env.BENCH_EDITS ?? 40)
  const rows: SizeResult[] = []
  let lucidResolved: string | undefined
  for (const models of sizes) {
    const dir = path.join(APPS_DIR, `app-${models}`)
    const written = generateApp(dir, models)
    console.log(`\n## ${models} models: ${written ? 'generated' : 'reused'} ${dir}`)
    lucidResolved ??= resolvedLucid(dir)
    const row = coldRuns(dir, models)
    if (lspSizes.includes(models)) {
      row.pull = lspRun(dir, models, 'pull', edits)
      row.push = lspRun(dir, models, 'push', edits)
      row.features = featureRun(dir, models)
    }
    rows.push(row)
  }
  // Formatted as prettier would, so that `prettier --check .` keeps passing on the committed file.
  const text = [notes(edits, lucidResolved, sizes, lspSizes), '', markdownTable(rows), ''].join('\n')
  const report = await prettier.format(text, {
    ...(await prettier.resolveConfig(RESULTS)),
    filepath: RESULTS,
  })
  console.log(`\n${report}`)
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
  fs.writeFileSync(RESULTS, report)
  console.log(`written to ${path.relative(process.cwd(), RESULTS)}`)
}

/** Ours and tsc alternate, so a slow moment of the machine hits both sides alike. */
function coldRuns(dir: string, models: number): SizeResult {
  const tscJs = require.resolve('typescript/lib/tsc.js')
  const ours: number[] = []
  const tsc: number[] = []
  const oursRss: number[] = []
  const tscRss: number[] = []
  let result: ColdResult | undefined
  for (let run = 0; run < RUNS; run++) {
    const mine = runNode([path.join(__dirname, 'cold-analysis.js'), dir], true)
    result = lastJsonLine<ColdResult>(mine, 'cold-analysis')
    ours.push(mine.ms)
    oursRss.push(mine.maxRssKb ?? result.maxRssKb)
    const theirs = runNode([tscJs, '--noEmit', '-p', dir], false) // exit code 2: missing modules
    tsc.push(theirs.ms)
    if (theirs.maxRssKb !== undefined) tscRss.push(theirs.maxRssKb)
    console.log(
      `cold run ${run + 1}: ours ${ms(mine.ms)} (${result.findings} findings), tsc ${ms(theirs.ms)}`,
    )
  }
  return {
    models,
    files: result?.files ?? 0,
    findings: result?.findings ?? -1,
    ours: { ms: median(ours), runs: ours, maxRssKb: Math.max(...oursRss) },
    tsc: { ms: median(tsc), runs: tsc, maxRssKb: tscRss.length ? Math.max(...tscRss) : undefined },
  }
}

function lspRun(dir: string, models: number, mode: 'pull' | 'push', edits: number): LspResult {
  const script = path.join(__dirname, 'lsp-latency.js')
  const result = lastJsonLine<LspResult>(
    runNode(['--expose-gc', script, dir, String(models), mode, String(edits)], true),
    `lsp ${mode}`,
  )
  const wrong = result.wrong.length ? `; NOT AS EXPECTED: ${result.wrong.join('; ')}` : ''
  console.log(
    `lsp ${mode}: first diagnostics ${ms(result.firstMs)}, ${edits} edits p50 ${ms(result.p50)} p95 ${ms(result.p95)} ` +
      `max ${ms(result.max)}${wrong}`,
  )
  return result
}

function featureRun(dir: string, models: number): FeatureResult {
  const script = path.join(__dirname, 'feature-latency.js')
  const result = lastJsonLine<FeatureResult>(runNode([script, dir, String(models)], true), 'features')
  for (const [name, t] of Object.entries(result)) {
    const empty = t.empty ? `; ${t.empty} EMPTY ANSWERS` : ''
    console.log(`${name}: p50 ${ms(t.p50)} p95 ${ms(t.p95)} max ${ms(t.max)}${empty}`)
  }
  return result
}

/** Where `@adonisjs/lucid/orm` resolves from the app, or undefined: what tsc will type-check against. */
function resolvedLucid(dir: string): string | undefined {
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
  return ts.resolveModuleName('@adonisjs/lucid/orm', modelFile(dir, 0), options, ts.sys).resolvedModule
    ?.resolvedFileName
}

function notes(edits: number, lucid: string | undefined, sizes: number[], lspSizes: number[]): string {
  const cpu = os.cpus()
  const skipped = sizes.filter((n) => !lspSizes.includes(n))
  return [
    '### Lucid Lens analysis benchmark (`npm run bench:analysis`)',
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, TypeScript ${ts.version}, ` +
      `server ${revision()}. ` +
      `Apps: synthetic AdonisJS v6 apps (domains of 25 models, ~11 columns, 3 hasMany + 1–2 belongsTo per model, ` +
      `one controller per 5 models; see bench/generate-app.ts), no node_modules; @adonisjs/lucid ` +
      (lucid
        ? `types RESOLVED from ${lucid}.`
        : 'types not resolvable (an app before `npm install`), so tsc reports missing modules.'),
    '',
    `- **Cold**: median of ${RUNS} fresh processes, spawn to exit. Ours = \`ProjectService.discover\` + findings of ` +
      `every file (bench/cold-analysis.ts); tsc = \`node typescript/lib/tsc.js --noEmit -p <app>\`, exit code ignored. ` +
      `Peak RSS: ${hasGnuTime ? '`/usr/bin/time -f %M` around both' : "ours' own `process.resourceUsage().maxRSS`; tsc n/a (no /usr/bin/time)"}.`,
    `- **Re-publish**: the real server in-process (test/support/lsp-harness.ts), one model (related to by 3 ` +
      `others) and its controller open; ${edits} edits of the model, comment-only edits alternating with a column ` +
      'rename and a relation rename that add a finding (in the model / the controller) which the next edit clears. ' +
      'Pull = `didChange` until both `textDocument/diagnostic` requests answered; push = `didChange` until the ' +
      "controller's `publishDiagnostics`, which includes the server's 30 ms coalescing delay. First diagnostics = " +
      'open both files until both have diagnostics (the cold project load in the server, pull mode).',
    '- **Server memory**: RSS and heapUsed after `global.gc()` of the process running the pull-mode server ' +
      '(one server with the project loaded), after the edits.',
    `- Targets: ours/tsc ≤ 0.3 (the table's column; met only with Lucid's types installed) and ≤ 0.6 at ` +
      `1,000 models (issue 14); pull re-publish p95 < 50 ms (set for 1,000 models).` +
      (skipped.length ? ` LSP part not run at ${skipped.join(', ')} models.` : ''),
  ].join('\n')
}

/** The commit the numbers belong to, flagged when server/ or engine/ had uncommitted changes. */
function revision(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout?.trim() ?? ''
  const head = git('rev-parse', '--short', 'HEAD')
  if (!head) return 'at an unknown revision'
  return `at ${head}${git('status', '--porcelain', '--', 'server', 'engine') ? ' + uncommitted changes' : ''}`
}

function numbers(value: string | undefined): number[] | undefined {
  const list = value
    ?.split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
  return list?.length ? list : undefined
}

function ms(value: number): string {
  return `${Math.round(value)} ms`
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
