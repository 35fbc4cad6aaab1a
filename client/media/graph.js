// The relationship graph's script: the SVGs are built by the extension (client/src/graph-html.ts).
// A click or Enter/Space on a model asks the extension to open its file; the toggle swaps the
// relations drawing and the ER diagram; the drawing fits the panel, zooms and pans, and the search box
// focuses a model and its neighbours; after loading, the page reports the models and edges it shows,
// read from its own DOM.
/* global acquireVsCodeApi, document, window, DOMPoint, CSS, setTimeout */
;(function () {
  const vscode = acquireVsCodeApi()
  const open = (node) =>
    vscode.postMessage({ type: 'open', uri: node.dataset.uri, line: Number(node.dataset.line) })
  // A drag that pans the drawing ends with a click on whatever is under the pointer: not an open.
  let panned = false
  for (const node of document.querySelectorAll('[data-model]')) {
    node.addEventListener('click', () => {
      if (!panned) open(node)
    })
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        open(node)
      }
    })
  }
  // A label may sit away from its line in a crowded graph: pointing at either lights up both.
  const pairs = Array.from(document.querySelectorAll('[data-for]'), (label) => [
    label,
    Array.from(label.closest('.view').querySelectorAll('[data-edge]')).find(
      (edge) => edge.getAttribute('data-edge') === label.getAttribute('data-for'),
    ),
  ])
  for (const [label, edge] of pairs) {
    if (!edge) continue
    for (const element of [label, edge]) {
      element.addEventListener('mouseenter', () => [label, edge].forEach((e) => e.classList.add('hot')))
      element.addEventListener('mouseleave', () => [label, edge].forEach((e) => e.classList.remove('hot')))
    }
  }
  const toggle = document.querySelector('.mode-toggle')
  toggle?.addEventListener('click', () => {
    const er = toggle.getAttribute('aria-pressed') !== 'true'
    toggle.setAttribute('aria-pressed', String(er))
    toggle.textContent = er ? 'Show relations only' : 'Show columns (ER diagram)'
    for (const view of document.querySelectorAll('.view')) view.hidden = (view.dataset.view === 'er') !== er
  })
  // The camera of each drawing is its viewBox: the whole drawing fits the panel when the page opens,
  // the wheel zooms around the pointer, a drag pans, the buttons zoom about the middle or fit again.
  const svgs = Array.from(document.querySelectorAll('svg.graph'))
  const full = (svg) => ({ x: 0, y: 0, w: Number(svg.dataset.width), h: Number(svg.dataset.height) })
  const camera = (svg) => {
    const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number)
    return { x, y, w, h }
  }
  const look = (svg, box) => svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`)
  // Drawing units per screen pixel (preserveAspectRatio "meet" keeps the larger of the two ratios).
  const unitsPerPixel = (svg) => {
    const box = camera(svg)
    return Math.max(box.w / Math.max(svg.clientWidth, 1), box.h / Math.max(svg.clientHeight, 1))
  }
  const size = (svg) => {
    const top = svg.getBoundingClientRect().top + window.scrollY
    svg.style.height = `${Math.max(240, Math.min(window.innerHeight - top - 16, Number(svg.dataset.height)))}px`
  }
  const zoom = (svg, factor, at) => {
    const box = camera(svg)
    const center = at ?? { x: box.x + box.w / 2, y: box.y + box.h / 2 }
    const w = Math.min(Math.max(box.w * factor, 40), full(svg).w * 4)
    const scale = w / box.w
    const h = box.h * scale
    look(svg, { x: center.x - (center.x - box.x) * scale, y: center.y - (center.y - box.y) * scale, w, h })
  }
  const toDrawing = (svg, event) => {
    const matrix = svg.getScreenCTM()
    if (!matrix) return undefined
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
    return { x: point.x, y: point.y }
  }
  for (const svg of svgs) {
    size(svg)
    look(svg, full(svg))
    svg.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault()
        zoom(svg, Math.pow(1.0015, event.deltaY), toDrawing(svg, event))
      },
      { passive: false },
    )
    svg.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return
      const start = { x: event.clientX, y: event.clientY, box: camera(svg), units: unitsPerPixel(svg) }
      panned = false
      const move = (moveEvent) => {
        const dx = moveEvent.clientX - start.x
        const dy = moveEvent.clientY - start.y
        if (!panned && Math.hypot(dx, dy) < 4) return
        panned = true
        svg.classList.add('panning')
        look(svg, { ...start.box, x: start.box.x - dx * start.units, y: start.box.y - dy * start.units })
      }
      const up = () => {
        svg.classList.remove('panning')
        window.removeEventListener('pointermove', move)
        window.removeEventListener('pointerup', up)
        // The click that ends a drag comes right after pointerup.
        setTimeout(() => (panned = false), 0)
      }
      window.addEventListener('pointermove', move)
      window.addEventListener('pointerup', up)
    })
  }
  window.addEventListener('resize', () => svgs.forEach(size))
  const shown = () => svgs.filter((svg) => !svg.closest('.view').hidden)
  for (const button of document.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const how = button.getAttribute('data-zoom')
      for (const svg of shown()) {
        if (how === 'fit') look(svg, full(svg))
        else zoom(svg, how === 'in' ? 1 / 1.25 : 1.25)
      }
    })
  }

  // The search box: the model named (or the only one starting so) and its neighbours stay lit, the
  // rest is dimmed, and the camera frames them. An empty box shows everything again.
  const search = document.querySelector('.model-search')
  const models = Array.from(
    new Set(Array.from(document.querySelectorAll('[data-model]'), (n) => n.dataset.model)),
  )
  const pick = (text) => {
    const wanted = text.trim().toLowerCase()
    if (!wanted) return undefined
    const exact = models.find((name) => name.toLowerCase() === wanted)
    const starting = models.filter((name) => name.toLowerCase().startsWith(wanted))
    return exact ?? (starting.length === 1 ? starting[0] : undefined)
  }
  const focusOn = (name) => {
    for (const svg of svgs) {
      const edges = Array.from(svg.querySelectorAll('[data-edge]'))
      const near = new Set(name ? [name] : [])
      for (const edge of edges)
        if (edge.dataset.from === name || edge.dataset.to === name)
          near.add(edge.dataset.from).add(edge.dataset.to)
      for (const node of svg.querySelectorAll('.node')) {
        const model = node.dataset.model ?? node.dataset.ghost
        node.classList.toggle('dim', name !== undefined && !near.has(model))
      }
      for (const edge of edges) {
        const lit = name === undefined || edge.dataset.from === name || edge.dataset.to === name
        edge.classList.toggle('dim', !lit)
        const label = svg.querySelector(`[data-for="${CSS.escape(edge.dataset.edge)}"]`)
        label?.classList.toggle('dim', !lit)
      }
      if (name === undefined) {
        look(svg, full(svg))
        continue
      }
      const boxes = Array.from(svg.querySelectorAll('.node'))
        .filter((node) => near.has(node.dataset.model ?? node.dataset.ghost))
        .map((node) => node.getBBox())
      if (!boxes.length) continue
      const left = Math.min(...boxes.map((b) => b.x)) - 40
      const top = Math.min(...boxes.map((b) => b.y)) - 40
      const right = Math.max(...boxes.map((b) => b.x + b.width)) + 40
      const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 40
      look(svg, { x: left, y: top, w: right - left, h: bottom - top })
    }
    document.body.dataset.focus = name ?? ''
  }
  search?.addEventListener('input', () => focusOn(pick(search.value)))
  search?.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      search.value = ''
      focusOn(undefined)
    }
  })

  // What is shown: the relations drawing (the ER diagram repeats the same models and edges).
  const attributes = (selector, name) =>
    Array.from(document.querySelectorAll(`.view:not([hidden]) ${selector}`), (el) => el.getAttribute(name))
  vscode.postMessage({
    type: 'rendered',
    render: {
      models: attributes('[data-model]', 'data-model'),
      edges: attributes('[data-edge]', 'data-edge'),
      problemEdges: attributes('.edge.problem', 'data-edge'),
    },
  })
})()
