// `lucidLens.diagnostics.severity`: a code's severity replaces the finding's own, `off` hides it
// (and its quick fix), in pulled and pushed diagnostics alike, and a settings change re-publishes
// (push) or asks the client to pull again (pull). The example app plants LL103 in post.ts and
// LL201 in posts_controller.ts.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node'
import { readSettings } from '../../server/src/settings'
import { copyBlogApp } from '../support/blog-app'
import { codesOf, LspHarness } from '../support/lsp-harness'

const LIMIT = { timeout: 30_000 }
const OVERRIDES = { diagnostics: { severity: { LL103: 'warning', ll201: 'off' } } }

function nextRefresh(lsp: LspHarness): Promise<void> {
  return new Promise((resolve) =>
    lsp.client.onRequest('workspace/diagnostic/refresh', () => {
      resolve()
      return null
    }),
  )
}

async function changeSettings(lsp: LspHarness, settings: unknown): Promise<void> {
  lsp.options.settings = settings
  await lsp.client.sendNotification('workspace/didChangeConfiguration', { settings: {} })
}

/** Pulls as VS Code does: with the last result id, keeping the last items when told "unchanged". */
function puller(lsp: LspHarness): (uri: string) => Promise<Diagnostic[]> {
  const last = new Map<string, { resultId?: string; items: Diagnostic[] }>()
  return async (uri) => {
    const previous = last.get(uri)
    const report: DocumentDiagnosticReport = await lsp.client.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      ...(previous?.resultId ? { previousResultId: previous.resultId } : {}),
    })
    const items = report.kind === 'full' ? report.items : (previous?.items ?? [])
    last.set(uri, { resultId: report.resultId, items })
    return items
  }
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [String(d.code), d.severity])

test('codes are read upper-case, unknown severities dropped', () => {
  assert.deepEqual(
    readSettings({ diagnostics: { severity: { ll103: 'warning', LL201: 'off', LL301: 'fatal' } } })
      .diagnostics.severity,
    { LL103: 'warning', LL201: 'off' },
  )
})

test('pull: overrides apply, and a settings change makes the client pull again', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: false })
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root, settings: OVERRIDES })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const pull = puller(lsp)
  const post = await lsp.open(app.file('app/models/post.ts'))
  const controller = await lsp.open(app.file('app/controllers/posts_controller.ts'))
  assert.deepEqual(summary(await pull(post)), [['LL103', DiagnosticSeverity.Warning]])
  assert.deepEqual(await pull(controller), [])

  let refreshed = nextRefresh(lsp)
  await changeSettings(lsp, {})
  await refreshed
  const [typo] = await pull(controller)
  assert.equal(typo?.code, 'LL201')
  assert.equal(typo?.severity, DiagnosticSeverity.Error)
  assert.deepEqual(summary(await pull(post)), [['LL103', DiagnosticSeverity.Error]])
  const fixes = (): Promise<CodeAction[]> =>
    lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: controller },
      range: typo?.range,
      context: { diagnostics: [], only: ['quickfix'] },
    })
  assert.ok((await fixes()).length > 0)

  // A finding that is turned off offers no quick fix either.
  refreshed = nextRefresh(lsp)
  await changeSettings(lsp, { diagnostics: { severity: { LL201: 'off', LL103: 'hint' } } })
  await refreshed
  assert.deepEqual(await pull(controller), [])
  assert.deepEqual(summary(await pull(post)), [['LL103', DiagnosticSeverity.Hint]])
  assert.deepEqual(await fixes(), [])
})

test('push: overrides apply, and a settings change re-publishes', LIMIT, async (t) => {
  const app = await copyBlogApp({ database: false })
  const lsp = await LspHarness.start({ pull: false, rootPath: app.root, settings: OVERRIDES })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const post = await lsp.open(app.file('app/models/post.ts'))
  const published = await lsp.nextPublish(post, (p) => p.diagnostics.length > 0)
  assert.deepEqual(summary(published.diagnostics), [['LL103', DiagnosticSeverity.Warning]])
  const controller = await lsp.open(app.file('app/controllers/posts_controller.ts'))
  const quiet = await lsp.nextPublish(controller)
  assert.deepEqual(quiet.diagnostics, [])

  const typo = lsp.nextPublish(controller, (p) => p.diagnostics.length > 0)
  const information = lsp.nextPublish(post, (p) => p.diagnostics[0]?.severity !== DiagnosticSeverity.Warning)
  await changeSettings(lsp, { diagnostics: { severity: { LL103: 'information' } } })
  assert.deepEqual(codesOf((await typo).diagnostics), ['LL201'])
  assert.deepEqual(summary((await information).diagnostics), [['LL103', DiagnosticSeverity.Information]])
})
