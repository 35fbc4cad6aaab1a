// Answers the suite's requests (files in the run folder, watched) and writes the answer the suite waits
// for, one request at a time in the order they come. A screenshot request: finds the webview that shows
// the requested text, reads its DOM (tables, SVG shapes, text) and screenshots the whole page. A
// workbench request: keys and clicks in the editor (workbench-widgets.ts).
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Page } from 'playwright-core'
import {
  ackFile,
  acksDir,
  requestsDir,
  type DriverRequest,
  type ScreenshotAck,
  type ScreenshotRequest,
  type WebviewReading,
} from '../protocol'
import { webviewShowing } from './workbench'
import { answerInWorkbench } from './workbench-widgets'

const FIND_WEBVIEW_MS = 30_000
/** Runs in the webview (a string: the tests compile without the DOM's types). */
const READ_WEBVIEW = `({
  found: true,
  tableRows: document.querySelectorAll('tr:has(td)').length,
  svgShapes: document.querySelectorAll('svg rect, svg circle, svg ellipse, svg path, svg line').length,
  text: document.body.innerText.slice(0, 4000),
})`

export interface Screenshots {
  /** The answers given so far, with their requests. */
  taken: Array<{ request: DriverRequest; ack: ScreenshotAck }>
  stop(): void
}

export function answerScreenshots(page: Page, dir: string, artifacts: string): Screenshots {
  fs.mkdirSync(requestsDir(dir), { recursive: true })
  fs.mkdirSync(acksDir(dir), { recursive: true })
  fs.mkdirSync(artifacts, { recursive: true })
  const taken: Screenshots['taken'] = []
  const seen = new Set<string>()
  let queue = Promise.resolve()

  const look = (): void => {
    for (const name of fs.readdirSync(requestsDir(dir)).sort()) {
      if (!name.endsWith('.json') || seen.has(name)) continue
      seen.add(name)
      // The suite renames a written file into place: it is whole.
      const request = JSON.parse(fs.readFileSync(path.join(requestsDir(dir), name), 'utf8')) as DriverRequest
      queue = queue.then(async () => {
        const ack =
          request.kind === 'workbench'
            ? await answerInWorkbench(page, request, artifacts)
            : await answer(page, request, artifacts)
        taken.push({ request, ack })
        const file = ackFile(dir, request.name)
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(ack))
        fs.renameSync(`${file}.tmp`, file)
      })
    }
  }
  const watcher = fs.watch(requestsDir(dir), look)
  look()
  return { taken, stop: () => watcher.close() }
}

async function answer(page: Page, request: ScreenshotRequest, artifacts: string): Promise<ScreenshotAck> {
  try {
    const frame = await webviewShowing(page, request.expectText, FIND_WEBVIEW_MS)
    const reading = await frame.evaluate<WebviewReading>(READ_WEBVIEW)
    if (request.click) await frame.locator(request.click).click({ timeout: FIND_WEBVIEW_MS })
    if (request.pageText)
      await page.getByText(request.pageText, { exact: true }).first().waitFor({ timeout: FIND_WEBVIEW_MS })
    const file = path.join(artifacts, `${request.name}.png`)
    // Below the title bar, which says "[Extension Development Host]" in a test run.
    const titleBar = await page.locator('.part.titlebar').boundingBox()
    const viewport = page.viewportSize()
    const top = titleBar ? Math.round(titleBar.y + titleBar.height) : 0
    await page.screenshot({
      path: file,
      clip: viewport ? { x: 0, y: top, width: viewport.width, height: viewport.height - top } : undefined,
    })
    return { name: request.name, file, reading }
  } catch (error) {
    return { name: request.name, error: error instanceof Error ? error.message : String(error) }
  }
}
