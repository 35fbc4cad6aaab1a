// The browser side: headless Chromium (Debian's, driven by playwright-core) opens code-server's workbench
// on the example app with the suite as VS Code's extension tests, and reports the exit code VS Code
// gives when the suite ends (window.codeAutomationExit, which the workbench calls in test runs).
import * as fs from 'node:fs'
import { chromium, type Browser, type Frame, type Page } from 'playwright-core'

export const CHROMIUM = process.env['LUCID_LENS_CHROMIUM'] ?? '/usr/bin/chromium'

export interface Workbench {
  page: Page
  /** Resolves with the extension host's exit code once the suite has run. */
  exited: Promise<number>
  /** Console errors of the page, for the artifacts. */
  console: string[]
  close(): Promise<void>
}

export interface WorkbenchOptions {
  /** code-server's address, `http://127.0.0.1:PORT/`. */
  url: string
  folder: string
  /** The development extension holding the suite, and the suite's runner inside it. */
  extensionDevelopmentPath: string
  extensionTestsPath: string
}

export function workbenchUrl(options: WorkbenchOptions): string {
  const authority = new URL(options.url).host
  const remote = (file: string): string => `vscode-remote://${authority}${file}`
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(options.extensionTestsPath)],
  ]
  const query = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) })
  return `${options.url}?${query.toString()}`
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set LUCID_LENS_CHROMIUM`)
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Root in a container has no sandbox; the closed network makes background requests fail loudly.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, colorScheme: 'dark' })
  // The panel's Copy SQL goes through the browser's clipboard in code-server.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const messages: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') messages.push(message.text())
  })
  let exit: (code: number) => void = () => undefined
  const exited = new Promise<number>((resolve) => (exit = resolve))
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code))
  await page.goto(workbenchUrl(options))
  return { page, exited, console: messages, close: () => browser.close() }
}

/** The webview frame (preview panel or graph) whose text includes `text`. */
export async function webviewShowing(page: Page, text: string, timeoutMs: number): Promise<Frame> {
  const frames = page.frames().filter((frame) => frame !== page.mainFrame())
  if (frames.length === 0) throw new Error('no webview is open')
  return Promise.any(
    frames.map(async (frame) => {
      // A string runs in the frame: the tests compile without the DOM's types.
      await frame.waitForFunction(
        `document.body?.innerText.includes(${JSON.stringify(text)}) === true`,
        null,
        {
          timeout: timeoutMs,
        },
      )
      return frame
    }),
  ).catch(() => {
    throw new Error(`no webview shows "${text}"`)
  })
}
