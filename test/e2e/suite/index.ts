// The test runner VS Code's extension host loads (`--extensionTestsPath`): runs every `*.test.js` of this
// folder (or the suites LUCID_LENS_E2E_SUITES names) with Mocha and writes each test's outcome where the
// driver reads it. Rejecting tells VS Code (and @vscode/test-electron) that tests failed.
import * as fs from 'node:fs'
import * as path from 'node:path'
import Mocha from 'mocha'
import {
  E2E_DIR_VARIABLE,
  resultsFile,
  SUITES_VARIABLE,
  type SuiteResults,
  type TestOutcome,
} from '../protocol'

/** Long enough for a cold language server on a busy 2-core machine; every wait inside is on an event. */
const TEST_TIMEOUT_MS = 120_000

export async function run(): Promise<void> {
  const dir = process.env[E2E_DIR_VARIABLE]
  if (!dir) throw new Error(`${E2E_DIR_VARIABLE} is not set: the driver passes the folder results go to.`)
  const mocha = new Mocha({ ui: 'bdd', timeout: TEST_TIMEOUT_MS, color: false, reporter: 'spec' })
  // Suites in folders (without-database/) need an app of their own: they run only when named.
  const only = process.env[SUITES_VARIABLE]?.split(',').map((name) => `${name}.test.js`)
  const files =
    only ??
    fs
      .readdirSync(__dirname)
      .filter((name) => name.endsWith('.test.js'))
      .sort()
  for (const file of files) mocha.addFile(path.join(__dirname, file))

  const tests: TestOutcome[] = []
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve())
    runner.on('pass', (test) =>
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }),
    )
    // A failing hook is reported here too, under the hook's title.
    runner.on('fail', (test, error: Error) =>
      tests.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: error.stack ?? error.message,
      }),
    )
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }))
  })
  const results: SuiteResults = { hostNode: process.version, tests }
  fs.writeFileSync(resultsFile(dir), JSON.stringify(results, null, 2))
  const failed = tests.filter((test) => test.state !== 'passed')
  if (failed.length) throw new Error(`${failed.length} of ${tests.length} tests did not pass`)
}
