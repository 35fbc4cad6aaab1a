// What the driver (code-server.test.ts, outside the editor) and the suite (suite/, inside VS Code's
// extension host) say to each other, through files in one folder whose path the driver passes in
// LUCID_LENS_E2E_DIR: the suite's results, and requests the driver answers (a webview's screenshot, keys
// and clicks in the workbench). Compiled into
// both projects; neither imports anything else from the other.
import * as path from 'node:path'

export const E2E_DIR_VARIABLE = 'LUCID_LENS_E2E_DIR'
/** `1` when a driver answers screenshot requests (code-server); @vscode/test-electron has none. */
export const SCREENSHOTS_VARIABLE = 'LUCID_LENS_E2E_SCREENSHOTS'
/**
 * Comma-separated suite files to run, relative to the suite folder (`diagnostics` for diagnostics.test.js,
 * `without-database/preview`); when unset, every file of the folder itself (not of its subfolders).
 */
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

/** What the suite asks the driver for: a webview's screenshot, or a user's keys and clicks in the workbench. */
export type DriverRequest = ScreenshotRequest | WorkbenchRequest

/** The suite asks for a screenshot while a webview shows what it should. */
export interface ScreenshotRequest {
  kind?: 'webview'
  name: string
  /** Which webview the driver reads: the preview panel or the relationship graph. */
  webview: 'preview' | 'graph'
  /** Text the webview must show, e.g. the panel's title; the driver finds the webview by it. */
  expectText: string
  /** Text the workbench around it must show too (a code lens), waited for before the picture. */
  pageText?: string
  /** A CSS selector in the webview the driver clicks with the mouse after reading it (a button). */
  click?: string
  /** The preview ran nothing (no database): the SQL is shown without a result table. */
  sqlOnly?: boolean
}

/**
 * The suite asks the driver to act as a user in the workbench: press keys in the focused editor, wait
 * for the widget they open (the hover, the quick fix menu) to show `expectText`, read it, then click
 * one of its items or screenshot it with the code it stands over.
 */
export interface WorkbenchRequest {
  kind: 'workbench'
  name: string
  /** An element of the focused editor to wait for before pressing (the lightbulb), a CSS selector. */
  waitFor?: string
  /** Key chords pressed in order, in Playwright's notation (`Control+.`). */
  press: string[]
  /** The widget the keys open, a CSS selector of the workbench. */
  widget: string
  expectText: string
  /** The text of the widget's item the driver clicks with the mouse (a quick fix's title). */
  choose?: string
  /**
   * The window's height while the widget shows, in CSS pixels: a hover is at most a quarter of the
   * editor's height (VS Code's rule), so a tall card needs a tall window to show whole.
   */
  windowHeight?: number
  /** Screenshot the widget and the editor lines around it (for the README). */
  screenshot?: boolean
}

/** What the driver read in the workbench when the widget showed. */
export interface WidgetReading {
  /** The widget's text. */
  text: string
  /** Warning squiggles drawn in the editor under the widget (LL5xx findings are warnings). */
  warningSquiggles: number
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
  /** A workbench request's widget. */
  widget?: WidgetReading
}

export const resultsFile = (dir: string): string => path.join(dir, 'results.json')
export const requestsDir = (dir: string): string => path.join(dir, 'requests')
export const acksDir = (dir: string): string => path.join(dir, 'acks')
export const requestFile = (dir: string, name: string): string => path.join(requestsDir(dir), `${name}.json`)
export const ackFile = (dir: string, name: string): string => path.join(acksDir(dir), `${name}.json`)
