// The real-editor tier: the packaged .vsix installed into code-server (VS Code 1.139 served to headless
// Chromium), each example app (v6, then v7) open with its SQLite database, and the Mocha suite (test/e2e/suite) run
// inside VS Code's extension host against nothing but the `vscode` API. Each suite test is reported here
// as its own subtest, then what the screenshots showed. Artifacts: test-artifacts/e2e/.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test, type TestContext } from 'node:test'
import { repoRoot } from '../support/paths'
import {
  createProfile,
  installExtension,
  readInstall,
  startCodeServer,
  type RunningCodeServer,
} from './support/code-server'
import { collectArtifacts } from './support/artifacts'
import { copyExampleApp } from './support/example-app'
import { packageVsix, prepareRunnerExtension } from './support/runner-extension'
import { answerScreenshots, type Screenshots } from './support/screenshots'
import { openWorkbench, type Workbench } from './support/workbench'
import {
  E2E_DIR_VARIABLE,
  resultsFile,
  SCREENSHOTS_VARIABLE,
  SUITES_VARIABLE,
  type ScreenshotAck,
  type ScreenshotRequest,
  type SuiteResults,
  type WorkbenchRequest,
} from './protocol'

/** One app's run: start, and the suite. Generous for a cold 2-core machine; nothing sleeps. */
const RUN_TIMEOUT_MS = 6 * 60_000
const artifactsRoot = path.join(repoRoot, 'test-artifacts', 'e2e')

/**
 * The suite runs on the v6 example app, and its app-independent files again on the AdonisJS 7 one
 * (models extending database/schema.ts classes): the same planted mistakes, previews and counts. Then
 * the v6 app once more as it is before its database is configured, for the previews that show SQL only.
 */
const APPS: AppRun[] = [
  { app: 'blog', artifacts: artifactsRoot },
  {
    app: 'blog-v7',
    artifacts: path.join(artifactsRoot, 'blog-v7'),
    suites: ['diagnostics', 'code-actions', 'previews', 'graph-status'],
  },
  {
    app: 'blog',
    database: false,
    artifacts: path.join(artifactsRoot, 'blog-without-database'),
    suites: ['without-database/preview'],
  },
]

interface AppRun {
  /** The folder under examples/. */
  app: string
  /** false: copied without config/database.ts and without a database. */
  database?: boolean
  artifacts: string
  /** Suite files to run (without `.test.js`); those of the suite folder itself when absent. */
  suites?: string[]
}

test('Lucid Lens in code-server', { timeout: APPS.length * RUN_TIMEOUT_MS + 60_000 }, async (t) => {
  const install = readInstall()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-e2e-'))
  fs.rmSync(artifactsRoot, { recursive: true, force: true })
  try {
    const vsix = packageVsix(work)
    for (const [index, run] of APPS.entries()) {
      const title = `examples/${run.app}${run.database === false ? ' without a database' : ''}`
      await t.test(title, (t) => runSuite(t, install, vsix, run, path.join(work, String(index))))
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
})

async function runSuite(
  t: TestContext,
  install: ReturnType<typeof readInstall>,
  vsix: string,
  { app: appName, database, artifacts, suites }: AppRun,
  run: string,
): Promise<void> {
  fs.mkdirSync(run, { recursive: true })
  fs.mkdirSync(artifacts, { recursive: true })
  let server: RunningCodeServer | undefined
  let workbench: Workbench | undefined
  let screenshots: Screenshots | undefined
  let results: SuiteResults | undefined
  try {
    const profile = createProfile(run)
    const installed = installExtension(install, profile, vsix)
    const app = await copyExampleApp(run, appName, { database: database ?? true })
    const runner = prepareRunnerExtension()
    const signals = path.join(run, 'signals')
    fs.mkdirSync(signals)
    server = await startCodeServer(install, profile, {
      LUCID_LENS_TEST_HOOK: '1',
      [E2E_DIR_VARIABLE]: signals,
      [SCREENSHOTS_VARIABLE]: '1',
      ...(suites ? { [SUITES_VARIABLE]: suites.join(',') } : {}),
      // No extension gallery: the network is closed, and the tests install nothing.
      EXTENSIONS_GALLERY: '{}',
    })
    workbench = await openWorkbench({ url: server.url, folder: app, ...runner })
    screenshots = answerScreenshots(workbench.page, signals, artifacts)
    const exitCode = await untilDone(workbench, server)
    const written = resultsFile(signals)
    assert.ok(fs.existsSync(written), `the suite wrote no results (exit code ${exitCode})`)
    results = JSON.parse(fs.readFileSync(written, 'utf8')) as SuiteResults
    assert.ok(results.tests.length > 0, 'the suite ran no test')
    assert.ok(installed.endsWith('lucid-lens.lucid-lens-' + readVersion()), installed)
  } finally {
    screenshots?.stop()
    await workbench?.close()
    await server?.stop()
    collectArtifacts(run, artifacts, { codeServer: server?.output(), console: workbench?.console, results })
  }
  assert.ok(results)
  for (const outcome of results.tests) {
    await t.test(outcome.title, () => {
      if (outcome.state === 'pending') assert.fail('skipped inside the extension host')
      if (outcome.state === 'failed') throw suiteError(outcome.error ?? 'failed')
    })
  }
  await t.test('the language server runs on the system Node.js, the extension host on Node.js 24', () => {
    assert.match(results.hostNode, /^v24\./)
    // The output channel's first line names the runtime; SQLite previews passing above prove its driver
    // loaded, which it cannot in Node 24 (the .vsix's build is for the system Node's ABI).
    const log = outputChannelLog(path.join(artifacts, 'logs'))
    assert.ok(log.includes(`Starting the server with ${process.execPath}`), log)
  })
  for (const { request, ack } of screenshots?.taken ?? []) {
    if (request.kind === 'workbench') {
      // Keys and clicks are checked by the suite; a picture of the widget is checked here.
      if (request.screenshot)
        await t.test(`screenshot ${request.name}: the widget ${request.widget} as the user sees it`, () =>
          checkWidgetScreenshot(request, ack),
        )
      continue
    }
    await t.test(`screenshot ${request.name}: the ${request.webview} webview as the user sees it`, () =>
      checkScreenshot(request, ack),
    )
  }
}

/** The suite's end (VS Code's exit code), or code-server dying, or the deadline. */
async function untilDone(workbench: Workbench, server: RunningCodeServer): Promise<number> {
  let deadline: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      workbench.exited,
      new Promise<number>((_, reject) =>
        server.process.once('exit', (code) => reject(new Error(`code-server exited (${code}) mid-run`))),
      ),
      new Promise<number>((_, reject) => {
        deadline = setTimeout(
          () => reject(new Error(`the suite did not finish in ${RUN_TIMEOUT_MS / 1000} s`)),
          RUN_TIMEOUT_MS,
        )
      }),
    ])
  } finally {
    clearTimeout(deadline)
  }
}

function checkScreenshot(request: ScreenshotRequest, ack: ScreenshotAck): void {
  assert.ok(ack.file && ack.reading, ack.error ?? 'no screenshot')
  assert.ok(fs.statSync(ack.file).size > 10_000, `${ack.file} looks empty`)
  const { reading } = ack
  assert.ok(reading.text.includes(request.expectText), reading.text)
  if (request.webview === 'preview') {
    if (request.sqlOnly)
      assert.equal(reading.tableRows, 0, `nothing ran, yet a table has rows: ${reading.text}`)
    else assert.ok(reading.tableRows > 0, `the result table has no rows: ${reading.text}`)
    assert.match(reading.text, /select/i, 'the SQL is shown')
  } else {
    assert.ok(reading.svgShapes > 0, 'the graph draws shapes')
  }
}

function checkWidgetScreenshot(request: WorkbenchRequest, ack: ScreenshotAck): void {
  assert.ok(ack.file && ack.widget, ack.error ?? 'no screenshot')
  assert.ok(fs.statSync(ack.file).size > 10_000, `${ack.file} looks empty`)
  assert.ok(ack.widget.text.includes(request.expectText), ack.widget.text)
}

/** Lucid Lens's output channel, as VS Code logged it (every extension host of the run). */
function outputChannelLog(logs: string): string {
  const found = fs
    .readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.includes(`lucid-lens.lucid-lens${path.sep}`) && file.endsWith('.log'))
  return found.map((file) => fs.readFileSync(path.join(logs, file), 'utf8')).join('\n')
}

/** The extension host's error with its own stack, not the driver's. */
function suiteError(stack: string): Error {
  const error = new Error(stack.split('\n')[0])
  error.stack = stack
  return error
}

function readVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version
}
