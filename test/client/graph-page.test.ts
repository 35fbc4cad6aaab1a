// The relationship graph page in a browser (Debian's Chromium through playwright-core), as the webview
// loads it: graph.js under the page's own CSP, with a stand-in for the webview's message API that
// records what the page posts. The page reports the relations drawing; the toggle swaps it for the
// ER diagram and back; labels are drawn where the layout put them.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'
import ts from 'typescript'
import { graphHtml } from '../../client/src/graph-html'
import { summaries } from '../../server/src/features/models'
import { ProjectService } from '../../server/src/project/project-service'
import { repoRoot } from '../support/paths'

const CHROMIUM = process.env['LUCID_LENS_CHROMIUM'] ?? '/usr/bin/chromium'
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-graph-page-'))
let browser: Browser
let page: Page

before(async () => {
  const service = new ProjectService(ts, { schemaChecks: { enable: false, disabled: [] } })
  const [project] = service.discover(path.join(repoRoot, 'examples', 'blog'))
  assert.ok(project)
  for (const file of ['base.css', 'graph.css', 'graph.js'])
    fs.copyFileSync(path.join(repoRoot, 'client', 'media', file), path.join(work, file))
  const html = await graphHtml([{ root: project.rootDir, models: summaries(project) }], {
    cspSource: 'file:',
    nonce: 'dGVzdA==',
    scriptUri: 'graph.js',
    baseStyleUri: 'base.css',
    styleUri: 'graph.css',
  })
  fs.writeFileSync(path.join(work, 'graph.html'), html)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  page = await browser.newPage()
  // Page code is strings: the tests compile without the DOM's types.
  await page.addInitScript(
    'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) })',
  )
  await page.goto(`file://${path.join(work, 'graph.html')}`)
})

after(async () => {
  await browser?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

const visibleView = () =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll('.view')].filter((v) => !v.hidden).map((v) => v.dataset.view)`,
  )

interface Box {
  id: string
  left: number
  right: number
  top: number
  bottom: number
}

interface Posted {
  type: string
  render?: { edges: string[]; problemEdges: string[]; models: string[] }
}

test('the page reports the relations drawing it shows, once', async () => {
  const posted = await page.evaluate<Posted[]>('window.posted')
  const rendered = posted.filter((m) => m.type === 'rendered')
  assert.equal(rendered.length, 1)
  const render = rendered[0]?.render
  assert.deepEqual([...(render?.models ?? [])].sort(), [
    'Category',
    'Comment',
    'Organization',
    'Post',
    'Tag',
    'User',
  ])
  assert.equal(new Set(render?.edges).size, render?.edges.length, 'each edge once')
  assert.deepEqual(render?.problemEdges, ['Post.approvedComments -> Comment'])
  assert.deepEqual(await visibleView(), ['relations'])
})

test('the toggle shows the ER diagram with its columns, and back', async () => {
  const toggle = page.locator('.mode-toggle')
  await toggle.click()
  assert.deepEqual(await visibleView(), ['er'])
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true')
  const keys = await page.locator('.view[data-view="er"] .column.key').count()
  assert.ok(keys >= 6, `${keys} key rows`)
  assert.ok(await page.locator('.view[data-view="er"] [data-column="organizationUuid"]').isVisible())
  await toggle.click()
  assert.deepEqual(await visibleView(), ['relations'])
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false')
})

test('drawn labels do not overlap each other in the browser either', async () => {
  // The browser's own boxes of the label backgrounds, as rendered.
  const boxes = await page.evaluate<
    Box[]
  >(`[...document.querySelectorAll('.view:not([hidden]) .label-bg')].map((rect) => {
    const box = rect.getBoundingClientRect()
    return { id: rect.parentElement.getAttribute('data-for'), left: box.left, right: box.right, top: box.top, bottom: box.bottom }
  })`)
  assert.ok(boxes.length > 10)
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      assert.ok(
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
        `${a.id} / ${b.id}`,
      )
})

const viewBox = () =>
  page.evaluate<number[]>(
    `document.querySelector('.view:not([hidden]) svg.graph').getAttribute('viewBox').split(' ').map(Number)`,
  )
const drawingSize = () =>
  page.evaluate<[number, number]>(
    `(() => { const svg = document.querySelector('.view:not([hidden]) svg.graph'); return [Number(svg.dataset.width), Number(svg.dataset.height)] })()`,
  )

test('the whole drawing fits the panel when the page opens', async () => {
  const [width, height] = await drawingSize()
  assert.deepEqual(await viewBox(), [0, 0, width, height])
  const overflow = await page.evaluate<number[]>(
    `(() => { const wrap = document.querySelector('.view:not([hidden])'); return [wrap.scrollWidth - wrap.clientWidth, wrap.scrollHeight - wrap.clientHeight] })()`,
  )
  assert.deepEqual(overflow, [0, 0], 'no scrolling needed to see every model')
})

test('the zoom buttons, the wheel and a drag move the camera; Fit shows everything again', async () => {
  const [width, height] = await drawingSize()
  await page.locator('[data-zoom="in"]').click()
  const zoomed = await viewBox()
  assert.ok(Math.abs((zoomed[2] ?? 0) - width / 1.25) < 0.5, `zoomed in: ${zoomed.join(' ')}`)
  const svg = page.locator('.view:not([hidden]) svg.graph')
  const box = await svg.boundingBox()
  assert.ok(box)
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, 400)
  const wheeled = await viewBox()
  assert.ok((wheeled[2] ?? 0) > (zoomed[2] ?? 0), `the wheel zoomed out: ${wheeled.join(' ')}`)
  const before = await page.evaluate<number>(`window.posted.filter((m) => m.type === 'open').length`)
  await page.mouse.move(box.x + 5, box.y + 5)
  await page.mouse.down()
  await page.mouse.move(box.x + 105, box.y + 45, { steps: 5 })
  await page.mouse.up()
  const dragged = await viewBox()
  assert.ok(
    (dragged[0] ?? 0) < (wheeled[0] ?? 0),
    `dragged right, so the camera moved left: ${dragged.join(' ')}`,
  )
  const after = await page.evaluate<number>(`window.posted.filter((m) => m.type === 'open').length`)
  assert.equal(after, before, 'a drag opens nothing')
  await page.locator('[data-zoom="fit"]').click()
  assert.deepEqual(await viewBox(), [0, 0, width, height])
})

test('the search box focuses a model and its neighbours, and Escape shows everything again', async () => {
  const [width, height] = await drawingSize()
  const search = page.locator('.model-search')
  await search.fill('comm')
  const dimmed = await page.evaluate<string[]>(
    `[...document.querySelectorAll('.view:not([hidden]) .node.dim')].map((n) => n.dataset.model ?? n.dataset.ghost).sort()`,
  )
  const lit = await page.evaluate<string[]>(
    `[...document.querySelectorAll('.view:not([hidden]) .node:not(.dim)')].map((n) => n.dataset.model ?? n.dataset.ghost).sort()`,
  )
  assert.deepEqual(lit, ['Comment', 'Post', 'User'])
  assert.deepEqual(dimmed, ['Category', 'Organization', 'Tag'])
  const framed = await viewBox()
  assert.ok((framed[2] ?? 0) < width || (framed[3] ?? 0) < height, `framed: ${framed.join(' ')}`)
  await search.press('Escape')
  assert.equal(await page.locator('.view:not([hidden]) .dim').count(), 0)
  assert.deepEqual(await viewBox(), [0, 0, width, height])
})
