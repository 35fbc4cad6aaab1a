// Workspace diagnostics: the findings of files nobody opened reach the Problems panel once the app is
// analysed, over `workspace/diagnostic` for pull clients and as publishes for push clients, and a
// changing app is not analysed again on every pull.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import type { WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { repoRoot } from '../support/paths'

function exampleCopy(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-workspace-diagnostics-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), dir, { recursive: true })
  return dir
}

async function pullWorkspace(
  lsp: LspHarness,
  previous: WorkspaceDocumentDiagnosticReport[] = [],
): Promise<WorkspaceDocumentDiagnosticReport[]> {
  const report: WorkspaceDiagnosticReport = await lsp.client.sendRequest('workspace/diagnostic', {
    previousResultIds: previous.flatMap((r) => (r.resultId ? [{ uri: r.uri, value: r.resultId }] : [])),
  })
  return report.items
}

test('pull: every file of the app, unopened; unchanged reports after; no new analysis while it changes', async (t) => {
  const app = exampleCopy(t)
  const lsp = await LspHarness.start({ pull: true, rootPath: app, workspaceFolders: true })
  t.after(() => lsp.stop())
  const post = pathToUri(path.join(app, 'app', 'models', 'post.ts'))
  const first = await pullWorkspace(lsp)
  const postReport = first.find((r) => r.uri === post)
  assert.equal(postReport?.kind, 'full')
  assert.ok(
    postReport?.kind === 'full' && codesOf(postReport.items).includes('LL103'),
    JSON.stringify(postReport),
  )
  assert.ok(first.some((r) => r.uri.endsWith('/app/controllers/posts_controller.ts')))
  assert.ok(first.every((r) => !r.uri.includes('/node_modules/')))
  const again = await pullWorkspace(lsp, first)
  assert.equal(again.length, first.length)
  assert.ok(again.every((r) => r.kind === 'unchanged'))
  // An edit elsewhere changes the app: the next pull keeps the reports it has, the one after a
  // pause (the app held still) analyses again, with the same findings.
  const controller = path.join(app, 'app', 'controllers', 'categories_controller.ts')
  const uri = await lsp.open(controller)
  await lsp.replace(uri, fs.readFileSync(controller, 'utf8') + '\n// edited\n')
  const changing = await pullWorkspace(lsp, again)
  assert.equal(changing.find((r) => r.uri === post)?.kind, 'unchanged')
  assert.ok(
    changing.every((r) => r.uri !== uri),
    'an open document is reported by the document pull',
  )
  const settled = await pullWorkspace(lsp, changing)
  const fresh = settled.find((r) => r.uri === post)
  assert.equal(fresh?.kind, 'full')
  assert.deepEqual(
    fresh?.kind === 'full' && codesOf(fresh.items),
    codesOf(postReport.kind === 'full' ? postReport.items : []),
  )
})

test('push: files nobody opened are published once the app is analysed', async (t) => {
  const app = exampleCopy(t)
  const lsp = await LspHarness.start({ pull: false, rootPath: app, workspaceFolders: true })
  t.after(() => lsp.stop())
  const post = pathToUri(path.join(app, 'app', 'models', 'post.ts'))
  const published = await lsp.nextPublish(post, (p) => p.diagnostics.length > 0)
  assert.ok(codesOf(published.diagnostics).includes('LL103'), JSON.stringify(published))
})
