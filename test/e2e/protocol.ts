// What the driver (code-server.test.ts, outside the editor) and the suite (suite/, inside VS Code's
// extension host) say to each other, through files in one folder whose path the driver passes in
// LUCID_LENS_E2E_DIR: the suite's results, and screenshot requests the driver answers. Compiled into
// both projects; neither imports anything else from the other.
import * as path from 'node:path'

export const E2E_DIR_VARIABLE = 'LUCID_LENS_E2E_DIR'
/** `1` when a driver answers screenshot requests (code-server); @vscode/test-electron has none. */
export const SCREENSHOTS_VARIABLE = 'LUCID_LENS_E2E_SCREENSHOTS'
/** Comma-separated suite files (`diagnostics` for diagnostics.test.js) to run; every file when unset. */
export const SUITES_VARIABLE = 'LUCID_LENS_E2E_SUITES'

export interface TestOutcome {
  /** Mocha's full title: `describe` titles and the test's, space-separated. */
  title: string
  state: 'passed' | 'failed' | 'pending'
  durationMs: number
  /** Message and stack of a failure. */
  error?: string
}

export interface SuiteResults {
  /** The extension host's Node.js (`v24.x` in code-server). */
  hostNode: string
  tests: TestOutcome[]
}

/** The suite asks for a screenshot while a webview shows what it should. */
export interface ScreenshotRequest {
  name: string
  /** Which webview the driver reads: the preview panel or the relationship graph. */
  webview: 'preview' | 'graph'
  /** Text the webview must show, e.g. the panel's title; the driver finds the webview by it. */
  expectText: string
  /** Text the workbench around it must show too (a code lens), waited for before the picture. */
  pageText?: string
  /** A CSS selector in the webview the driver clicks with the mouse after reading it (a button). */
  click?: string
}

/** What the driver read from the webview's DOM while taking the screenshot. */
export interface WebviewReading {
  found: boolean
  /** Rows of the webview's tables (`tr` with `td`). */
  tableRows: number
  /** `svg` shapes (rect, circle, ellipse, path, line) drawn. */
  svgShapes: number
  /** The webview's text, trimmed to a few kilobytes. */
  text: string
}

export interface ScreenshotAck {
  name: string
  /** The PNG written, or the reason there is none. */
  file?: string
  error?: string
  reading?: WebviewReading
}

export const resultsFile = (dir: string): string => path.join(dir, 'results.json')
export const requestsDir = (dir: string): string => path.join(dir, 'requests')
export const acksDir = (dir: string): string => path.join(dir, 'acks')
export const requestFile = (dir: string, name: string): string => path.join(requestsDir(dir), `${name}.json`)
export const ackFile = (dir: string, name: string): string => path.join(acksDir(dir), `${name}.json`)
