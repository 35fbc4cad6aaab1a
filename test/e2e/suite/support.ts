// What the suite's tests share: the example app opened in the editor, Lucid Lens's test API, positions by
// marker, waits on VS Code's events (each with a deadline that says what was seen), and screenshots
// taken by the driver.
import * as assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as vscode from 'vscode'
import type { LucidLensTestApi } from '../../../client/src/test-api'
import {
  ackFile,
  acksDir,
  E2E_DIR_VARIABLE,
  requestFile,
  requestsDir,
  SCREENSHOTS_VARIABLE,
  type DriverRequest,
  type ScreenshotAck,
  type ScreenshotRequest,
  type WorkbenchRequest,
} from '../protocol'

export const EXTENSION_ID = 'lucid-lens.lucid-lens'
/** Within a test's own timeout, so a wait that fails says what it saw. */
const DEADLINE_MS = 90_000

let api: Promise<LucidLensTestApi> | undefined

/** The extension's test API once its language client runs. */
export function lucidLens(): Promise<LucidLensTestApi> {
  api ??= (async () => {
    const extension = vscode.extensions.getExtension<LucidLensTestApi | undefined>(EXTENSION_ID)
    assert.ok(extension, `${EXTENSION_ID} is not installed`)
    const hook = await extension.activate()
    assert.ok(hook, 'the extension exports no test API: is LUCID_LENS_TEST_HOOK=1 set?')
    await hook.ready()
    return hook
  })()
  return api
}

/** A file of the example app (the workspace folder). */
export function appUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]
  assert.ok(folder, 'no workspace folder open')
  return vscode.Uri.joinPath(folder.uri, relative)
}

export async function openInEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(appUri(relative))
  return vscode.window.showTextDocument(document, { preview: false })
}

/** The position of `|` in `marker`, found (without the `|`) in the document. */
export function positionOf(document: vscode.TextDocument, marker: string): vscode.Position {
  const bar = marker.indexOf('|')
  const found = document.getText().indexOf(marker.replace('|', ''))
  assert.ok(bar >= 0 && found >= 0, `${marker} not found in ${document.uri.path}`)
  return document.positionAt(found + bar)
}

/** The range of `text` in the document (its first occurrence). */
export function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const found = document.getText().indexOf(text)
  assert.ok(found >= 0, `${text} not found in ${document.uri.path}`)
  return new vscode.Range(document.positionAt(found), document.positionAt(found + text.length))
}

export function lucidDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'lucid-lens')
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code
  return String(typeof code === 'object' ? code.value : code)
}

/** Resolves with the Lucid Lens diagnostics of `uri` once `accept` takes them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics of ${uri.path}`,
    (listener) => vscode.languages.onDidChangeDiagnostics(listener),
    () => {
      const diagnostics = lucidDiagnostics(uri)
      return accept(diagnostics) ? diagnostics : undefined
    },
    () => lucidDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`),
  )
}

/** Checks `test` now and on every `event` until it gives a value; fails with `seen()` at the deadline. */
export function waitFor<T>(
  what: string,
  event: (listener: () => void) => vscode.Disposable,
  test: () => T | undefined,
  seen: () => unknown,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const found = test()
    if (found !== undefined) return resolve(found)
    const deadline = setTimeout(() => {
      subscription.dispose()
      reject(new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(seen())}`))
    }, DEADLINE_MS)
    const subscription = event(() => {
      const value = test()
      if (value === undefined) return
      clearTimeout(deadline)
      subscription.dispose()
      resolve(value)
    })
  })
}

/** Rejects when `promise` has not settled by the deadline, saying what it was. */
export function within<T>(what: string, promise: Promise<T>): Promise<T> {
  let deadline: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), DEADLINE_MS)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(deadline))
}

/**
 * Sets the scene a screenshot shows: no side bar or notifications, `relative` in the first editor column
 * scrolled to `marker`, beside the webview that the last command opened in the second.
 */
export async function showBeside(relative: string, marker: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar')
  await vscode.commands.executeCommand('notifications.clearAll')
  const document = await vscode.workspace.openTextDocument(appUri(relative))
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.One,
    preserveFocus: true,
    preview: false,
  })
  const at = positionOf(document, marker)
  editor.selection = new vscode.Selection(at, at)
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter)
}

/**
 * Asks the driver to screenshot the page while a webview shows `expectText`, and resolves with its
 * answer (the PNG and what the webview's DOM held). Under @vscode/test-electron there is no driver
 * watching: the answer says so instead of a file.
 */
export function screenshot(request: ScreenshotRequest): Promise<ScreenshotAck> {
  return askDriver(request)
}

/**
 * Asks the driver to press `press` in the focused editor as a user would, and resolves once the widget
 * they open showed `expectText` (and its item `choose` was clicked, or it was screenshotted), with what
 * the widget held.
 */
export function inWorkbench(request: Omit<WorkbenchRequest, 'kind'>): Promise<ScreenshotAck> {
  return askDriver({ kind: 'workbench', ...request })
}

/** Whether a driver answers requests: code-server's does, @vscode/test-electron has none. */
function hasDriver(): boolean {
  return process.env[SCREENSHOTS_VARIABLE] === '1'
}

/**
 * For a test that clicks or types through the browser driver: where there is none it fails, saying
 * so, rather than being skipped (a run without the driver has not tested it).
 */
export function requireDriver(): void {
  assert.ok(
    hasDriver(),
    'this test needs the browser driver: run the suite in code-server (code-server.test.ts)',
  )
}

function askDriver(request: DriverRequest): Promise<ScreenshotAck> {
  if (!hasDriver())
    return Promise.resolve({ name: request.name, error: 'no driver takes screenshots in this run' })
  const dir = process.env[E2E_DIR_VARIABLE]
  assert.ok(dir, `${E2E_DIR_VARIABLE} is not set`)
  fs.mkdirSync(requestsDir(dir), { recursive: true })
  fs.mkdirSync(acksDir(dir), { recursive: true })
  const ack = ackFile(dir, request.name)
  const answered = new Promise<ScreenshotAck>((resolve) => {
    const read = (): boolean => {
      if (!fs.existsSync(ack)) return false
      const text = fs.readFileSync(ack, 'utf8')
      if (!text) return false
      watcher.close()
      resolve(JSON.parse(text) as ScreenshotAck)
      return true
    }
    const watcher = fs.watch(acksDir(dir), () => read())
    // The driver writes the ack whole with a rename; it may already be there.
    read()
  })
  // Whole or not at all: the driver reads the file as soon as its name appears.
  const file = requestFile(dir, request.name)
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(request))
  fs.renameSync(`${file}.tmp`, file)
  return within(`the driver's answer to ${request.name}`, answered)
}
