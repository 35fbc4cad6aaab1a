// The preview panel's script: the page itself is built by the extension (client/src/preview-html.ts).
// Buttons post their action; after loading, the page reports what it shows, read from its own DOM,
// so the real-editor tests check what a user sees.
/* global acquireVsCodeApi, document */
;(function () {
  const vscode = acquireVsCodeApi()
  for (const button of document.querySelectorAll('button[data-action]')) {
    // A plan's "Show User.posts" names its relation and the finding to open it at (LL405).
    button.addEventListener('click', () =>
      vscode.postMessage({
        type: button.dataset.action,
        relation: button.dataset.relation,
        code: button.dataset.code,
      }),
    )
  }
  const text = (element) => (element ? element.textContent.trim() : '')
  const texts = (selector) => Array.from(document.querySelectorAll(selector), text)
  const error = document.getElementById('error')
  const render = {
    title: document.title,
    expression: text(document.getElementById('expression')),
    statements: texts('.statement .sql'),
    columns: texts('#rows > thead > tr > th'),
    rowCount: document.querySelectorAll('#rows > tbody > tr').length,
    nested: Array.from(
      new Set(Array.from(document.querySelectorAll('[data-relation]'), (el) => el.dataset.relation)),
    ),
    truncation: text(document.getElementById('truncation')),
    warnings: texts('.warning'),
    dryRun: document.getElementById('dry-run') !== null,
    plans: texts('.plan-line'),
    planHints: texts('.plan-hint-text'),
  }
  if (error) render.error = texts('#error .message, #error .hint').join('\n')
  const notRun = document.getElementById('not-run')
  if (notRun) render.notRun = texts('#not-run .message, #not-run .hint').join('\n')
  vscode.postMessage({ type: 'rendered', render })
})()
