// Answers the suite's workbench requests as a user: presses keys in the focused editor (Ctrl+. for the
// quick fix menu, Ctrl+K Ctrl+I for the hover), waits for the widget they open to show the expected
// text, reads it with the warning squiggles of the editor under it, screenshots it with the code it
// stands over, then clicks one of its items with the mouse (or closes it with Escape).
import * as path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { ScreenshotAck, WorkbenchRequest } from '../protocol'

const WIDGET_MS = 30_000
/** The editor of the active group: where the keys went and where the widget opens. */
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor'
/** Runs in the page (a string: the tests compile without the DOM's types). */
const FOCUSED = `(() => {
  const element = document.activeElement
  return element ? element.tagName + '.' + String(element.className).split(' ').join('.') : 'none'
})()`
/** Space kept around the widget and the cursor's line on a screenshot, in CSS pixels. */
const MARGIN = 48

export async function answerInWorkbench(
  page: Page,
  request: WorkbenchRequest,
  artifacts: string,
): Promise<ScreenshotAck> {
  const size = page.viewportSize()
  try {
    if (request.windowHeight && size) {
      await page.setViewportSize({ width: size.width, height: request.windowHeight })
      // Laid out again before the keys: a relayout under an open widget closes it.
      await page.waitForFunction(
        `document.querySelector('.monaco-workbench')?.getBoundingClientRect().height === ${request.windowHeight}`,
        null,
        { timeout: WIDGET_MS },
      )
    }
    // What a user waits to see before pressing: keys pressed earlier may be overtaken by the editor's
    // own update (a lightbulb computed after them replaces the menu they asked for).
    if (request.waitFor)
      await page
        .locator(`${ACTIVE_EDITOR} ${request.waitFor}`)
        .first()
        .waitFor({ state: 'visible', timeout: WIDGET_MS })
    for (const chord of request.press) await page.keyboard.press(chord)
    const widget = page.locator(request.widget).filter({ hasText: request.expectText }).first()
    await widget.waitFor({ state: 'visible', timeout: WIDGET_MS })
    const text = await widget.innerText()
    const warningSquiggles = await page.locator(`${ACTIVE_EDITOR} .squiggly-warning`).count()
    const answer: ScreenshotAck = { name: request.name, widget: { text, warningSquiggles } }
    if (request.screenshot) {
      const file = path.join(artifacts, `${request.name}.png`)
      await page.screenshot({ path: file, clip: await aroundWidget(page, widget) })
      answer.file = file
    }
    // A chosen item closes the widget; otherwise Escape does, as for a user, before the next request.
    if (request.choose) await widget.getByText(request.choose, { exact: true }).click({ timeout: WIDGET_MS })
    else await page.keyboard.press('Escape')
    await widget.waitFor({ state: 'hidden', timeout: WIDGET_MS })
    return answer
  } catch (error) {
    // What the page showed and where the keys went, for the artifacts.
    await page.screenshot({ path: path.join(artifacts, `${request.name}-failed.png`) }).catch(() => undefined)
    const focused = await page.evaluate<string>(FOCUSED).catch(() => 'unknown')
    const message = error instanceof Error ? error.message : String(error)
    return { name: request.name, error: `${message}\nfocused element: ${focused}` }
  } finally {
    if (request.windowHeight && size) await page.setViewportSize(size)
  }
}

/**
 * The widget with the cursor's line and a few lines of code around them, from the editor's left edge
 * (line numbers included): what a reader needs to see where the widget came from.
 */
async function aroundWidget(
  page: Page,
  widget: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await widget.boundingBox()
  const editor = await page.locator(ACTIVE_EDITOR).first().boundingBox()
  const line = await page.locator(`${ACTIVE_EDITOR} .view-overlays .current-line`).first().boundingBox()
  if (!box || !editor) throw new Error('the widget or the editor has no box on the page')
  const top = Math.min(box.y, line?.y ?? box.y) - MARGIN
  const bottom = Math.max(box.y + box.height, line ? line.y + line.height : 0) + MARGIN
  // From the top of a line of code, not through one.
  const lineTops = await page.evaluate<number[]>(
    `Array.from(document.querySelectorAll(${JSON.stringify(`${ACTIVE_EDITOR} .view-line`)}), (line) => line.getBoundingClientRect().top)`,
  )
  const from = Math.max(editor.y, top)
  const x = Math.round(editor.x)
  const y = Math.round(Math.min(box.y, ...lineTops.filter((lineTop) => lineTop >= from)))
  const right = Math.min(editor.x + editor.width, box.x + box.width + MARGIN)
  const lowest = Math.min(editor.y + editor.height, bottom)
  return { x, y, width: Math.round(right - x), height: Math.round(lowest - y) }
}
