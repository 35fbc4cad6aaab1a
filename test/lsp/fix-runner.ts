// Applies code actions the way an editor does (edits to each file, then didChange; a created file is
// written empty, reported by the file watcher and opened) and checks the result by pulling
// diagnostics again. Restores every touched file afterwards and removes the created ones.
import assert from 'node:assert/strict'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import ts from 'typescript'
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node'
import { uriToPath } from '../../server/src/features/uri'
import { after, afterEach, before } from 'node:test'
import { codesOf, LspHarness, type HarnessOptions } from '../support/lsp-harness'
import { copyFixture, type TempApp } from '../support/temp-app'

/** Pure: applies non-overlapping LSP edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  const offset = (p: Range['start']): number =>
    Math.min((starts[p.line] ?? text.length) + p.character, text.length)
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end)
  let out = text
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}

/** Pure: a workspace edit's text edits by uri and the files it creates, in either of its forms. */
export function editsOf(edit: WorkspaceEdit | undefined): {
  edits: Map<string, TextEdit[]>
  created: string[]
} {
  const edits = new Map<string, TextEdit[]>(Object.entries(edit?.changes ?? {}))
  const created: string[] = []
  for (const change of edit?.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', 'only file creations are expected')
      created.push(change.uri)
    } else {
      const plain = change.edits.map((e) => {
        assert.ok('newText' in e, 'no snippet edits are expected')
        return e
      })
      edits.set(change.textDocument.uri, [...(edits.get(change.textDocument.uri) ?? []), ...plain])
    }
  }
  return { edits, created }
}

export class FixRunner {
  private readonly original = new Map<string, string>()
  private readonly current = new Map<string, string>()
  private readonly created = new Set<string>()

  constructor(readonly lsp: LspHarness) {}

  async open(fileName: string): Promise<string> {
    const known = [...this.current.keys()].find((uri) => uriToPath(uri) === fileName)
    if (known) return known
    const text = readFileSync(fileName, 'utf8')
    const uri = await this.lsp.open(fileName, text)
    this.original.set(uri, text)
    this.current.set(uri, text)
    return uri
  }

  text(uri: string): string {
    const text = this.current.get(uri)
    assert.ok(text !== undefined, `${uri} is open`)
    return text
  }

  async actions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[] = [],
    only?: string[],
  ): Promise<CodeAction[]> {
    return this.lsp.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: only ? { diagnostics, only } : { diagnostics },
    })
  }

  /** The diagnostic with `code` starting on 1-based `line`. */
  async diagnostic(uri: string, code: string, line: number): Promise<Diagnostic> {
    const found = (await this.lsp.pull(uri)).find((d) => d.code === code && d.range.start.line === line - 1)
    assert.ok(found, `${code} on line ${line}`)
    return found
  }

  /** Replaces an open file's text, as typing would; restore() puts the original back. */
  async replace(uri: string, text: string): Promise<void> {
    this.current.set(uri, text)
    await this.lsp.replace(uri, text)
  }

  /** Applies the action; returns the uris it changed. */
  async apply(action: CodeAction): Promise<string[]> {
    const { edits, created } = editsOf(action.edit)
    for (const uri of created) {
      const fileName = uriToPath(uri) ?? uri
      assert.ok(!existsSync(fileName), `"${action.title}" creates ${fileName}, which does not exist`)
      writeFileSync(fileName, '')
      this.created.add(uri)
      await this.lsp.fileEvent(fileName, 1)
    }
    const uris = [...edits.keys()]
    assert.ok(uris.length > 0, `"${action.title}" edits something`)
    for (const uri of uris) {
      if (!this.current.has(uri)) await this.open(uriToPath(uri) ?? uri)
      await this.replace(uri, applyEdits(this.text(uri), edits.get(uri) ?? []))
    }
    return uris
  }

  /**
   * Applies the action and checks that exactly one finding `code` disappeared from `uri` and no
   * other diagnostic changed in any file the action touched (a file it creates has none).
   */
  async applyAndRecheck(uri: string, code: string, action: CodeAction): Promise<void> {
    const { edits, created } = editsOf(action.edit)
    const touched = [...new Set([uri, ...edits.keys()])]
    for (const t of touched)
      if (!this.current.has(t) && !created.includes(t)) await this.open(uriToPath(t) ?? t)
    const before = new Map<string, string[]>()
    const syntax = new Map<string, number>()
    for (const t of touched) {
      const fresh = created.includes(t)
      before.set(t, fresh ? [] : codesOf(await this.lsp.pull(t)))
      syntax.set(t, fresh ? 0 : syntaxErrors(this.text(t)))
    }
    const expected = [...(before.get(uri) ?? [])]
    const i = expected.indexOf(code)
    assert.ok(i >= 0, `${code} is reported before the fix`)
    expected.splice(i, 1)
    before.set(uri, expected)
    await this.apply(action)
    for (const t of touched) {
      assert.deepEqual(codesOf(await this.lsp.pull(t)), before.get(t), `after "${action.title}" in ${t}`)
      assert.equal(syntaxErrors(this.text(t)), syntax.get(t), `"${action.title}" keeps ${t} parseable`)
    }
  }

  async restore(): Promise<void> {
    for (const uri of this.created) {
      const fileName = uriToPath(uri) ?? uri
      await this.lsp.close(uri)
      rmSync(fileName, { force: true })
      await this.lsp.fileEvent(fileName, 3)
      this.original.delete(uri)
      this.current.delete(uri)
    }
    this.created.clear()
    for (const [uri, text] of this.original) {
      if (this.current.get(uri) !== text) await this.replace(uri, text)
    }
  }
}

/** Syntax errors only: a fix that breaks the code also makes findings vanish. */
function syntaxErrors(text: string): number {
  return ts.transpileModule(text, { reportDiagnostics: true }).diagnostics?.length ?? 0
}

/** A test file's session: a copy of a fixture app, the server on it, and a runner whose edits are undone after each test. */
export interface FixtureSession {
  app: TempApp
  lsp: LspHarness
  run: FixRunner
}

/** Registers the file's hooks; the session's fields are set once its `before` hook has run. */
export function fixtureSession(
  fixture: string | (() => TempApp),
  options: Partial<HarnessOptions> = {},
): FixtureSession {
  const session = {} as FixtureSession
  before(async () => {
    session.app = typeof fixture === 'string' ? copyFixture(fixture) : fixture()
    session.lsp = await LspHarness.start({ pull: true, ...options, rootPath: session.app.root })
    session.run = new FixRunner(session.lsp)
  })
  afterEach(() => session.run.restore())
  after(async () => {
    await session.lsp.stop()
    session.app.remove()
  })
  return session
}

/** The quick fixes attached to `code`'s diagnostic on `line` (1-based) of the session app's `file`. */
export async function fixesAt(session: FixtureSession, file: string, code: string, line: number) {
  const uri = await session.run.open(session.app.file(file))
  const diagnostic = await session.run.diagnostic(uri, code, line)
  const actions = await session.run.actions(uri, diagnostic.range, [diagnostic])
  const fixes = actions.filter((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === code)
  return { uri, diagnostic, fixes }
}

/** The action titled `title`; fails listing the titles there are. */
export function pickAction(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title)
  assert.ok(action, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`)
  return action
}
