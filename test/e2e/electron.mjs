// The same suite (test/e2e/suite) in desktop VS Code, through @vscode/test-electron: VS Code from
// VSCODE_EXECUTABLE_PATH, else downloaded (stable, or VSCODE_VERSION). Run after `npm run build`:
//   node test/e2e/electron.mjs            (Linux without a display: xvfb-run -a node test/e2e/electron.mjs)
// Where VS Code can be neither found nor downloaded, it says why and exits with 2: not run is no pass.
// The screenshots are the code-server tier's; here the suite's screenshot requests go unanswered.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(import.meta.url)
const say = (line) => process.stdout.write(`${line}\n`)
const NOT_RUN = 2

function notRun(reason) {
  say(`The desktop VS Code tier did not run: ${reason}`)
  process.exit(NOT_RUN)
}

const support = join(root, 'build', 'test', 'e2e', 'support')
if (!existsSync(join(support, 'runner-extension.js'))) notRun('the tests are not built: run `npm run build`')
const { SETTINGS } = require(join(support, 'code-server.js'))
const { packageVsix, prepareRunnerExtension } = require(join(support, 'runner-extension.js'))
const { copyExampleApp } = require(join(support, 'example-app.js'))
const { E2E_DIR_VARIABLE, resultsFile } = require(join(root, 'build', 'test', 'e2e', 'protocol.js'))
const testElectron = require('@vscode/test-electron')

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH
if (vscodeExecutablePath && !existsSync(vscodeExecutablePath))
  notRun(`VSCODE_EXECUTABLE_PATH ${vscodeExecutablePath} does not exist`)
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable')
  } catch (error) {
    notRun(
      `no VS Code to test: VSCODE_EXECUTABLE_PATH is not set and downloading one failed ` +
        `(${error instanceof Error ? error.message : String(error)})`,
    )
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  notRun('desktop VS Code needs a display: run it under xvfb-run -a')

const run = mkdtempSync(join(tmpdir(), 'lucid-lens-electron-'))
let code = 1
try {
  const userData = join(run, 'user-data')
  const extensions = join(run, 'extensions')
  mkdirSync(join(userData, 'User'), { recursive: true })
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2))
  const vsix = packageVsix(run)
  const [cli, ...cliArgs] = testElectron.resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath)
  const profile = ['--user-data-dir', userData, '--extensions-dir', extensions]
  const installed = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  })
  if (installed.status !== 0)
    throw new Error(`installing ${vsix} failed:\n${installed.stdout}${installed.stderr}`)
  const app = await copyExampleApp(run)
  const signals = join(run, 'signals')
  mkdirSync(signals)
  const runner = prepareRunnerExtension()
  try {
    await testElectron.runTests({
      vscodeExecutablePath,
      ...runner,
      launchArgs: [app, ...profile, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { LUCID_LENS_TEST_HOOK: '1', [E2E_DIR_VARIABLE]: signals },
    })
  } catch {
    // The outcome is in the results file; a failed run without one is reported below.
  }
  if (!existsSync(resultsFile(signals))) throw new Error('the suite wrote no results')
  const results = JSON.parse(readFileSync(resultsFile(signals), 'utf8'))
  for (const test of results.tests) {
    say(`${test.state === 'passed' ? 'ok' : 'FAILED'} ${test.title}`)
    if (test.error) say(test.error)
  }
  const passed = results.tests.filter((test) => test.state === 'passed').length
  say(`${passed} passed, ${results.tests.length - passed} failed`)
  code = passed === results.tests.length && passed > 0 ? 0 : 1
} catch (error) {
  console.error(error)
} finally {
  rmSync(run, { recursive: true, force: true })
}
process.exit(code)
