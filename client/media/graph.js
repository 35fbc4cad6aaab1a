// The relationship graph's script: the SVGs are built by the extension (client/src/graph-html.ts).
// A click or Enter/Space on a model asks the extension to open its file; the toggle swaps the
// relations drawing and the ER diagram; after loading, the page reports the models and edges it
// shows, read from its own DOM.
/* global acquireVsCodeApi, document */
;(function () {
  const vscode = acquireVsCodeApi()
  const open = (node) =>
    vscode.postMessage({ type: 'open', uri: node.dataset.uri, line: Number(node.dataset.line) })
  for (const node of document.querySelectorAll('[data-model]')) {
    node.addEventListener('click', () => open(node))
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
