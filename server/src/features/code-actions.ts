// Quick fixes for Lucid findings and key refactors on relation decorators. Findings are recomputed
// for the document and matched to the client's diagnostics by code and range: the client's copy
// only decides which diagnostic an action is attached to, never what the fix writes.
import type * as TS from 'typescript'
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver'
import type { Finding } from '../analysis'
import { guard } from './boundary'
import { shownSeverity, toDiagnostic } from './diagnostics'
import type { Feature, ServerContext } from './context'
import { columnDecoratorFixes } from './fixes/column-decorator'
import { explicitKeyRefactors } from './fixes/explicit-keys'
import type { Fix, FixProvider } from './fixes/fix'
import { findingFixes } from './fixes/finding-fix'
import { directionFixes, groupLimitFixes } from './fixes/group-order'
import { indexMigrationFixes } from './fixes/index-migration'
import { missingForeignKeyFixes } from './fixes/missing-foreign-key'
import { onQueryGuardFixes } from './fixes/on-query-guard'
import { predicateFixes } from './fixes/persist-many'
import { pivotTableFixes } from './fixes/pivot-table'
import { replaceNameFixes } from './fixes/replace-name'
import { transactionFixes } from './fixes/transaction-client'
import { offsetAt, rangeIn, sourceAt } from './source-at'
import { pathToUri } from './uri'

/** LL105 (which primary key was meant?), LL107-LL109 and LL602 (which rows?) have no single clear fix. */
const PROVIDERS: Record<string, FixProvider> = {
  LL101: replaceNameFixes,
  LL102: replaceNameFixes,
  LL103: replaceNameFixes,
  LL104: missingForeignKeyFixes,
  LL106: columnDecoratorFixes,
  LL201: replaceNameFixes,
  LL301: onQueryGuardFixes,
  LL302: groupLimitFixes,
  LL303: directionFixes,
  LL304: replaceNameFixes,
  LL305: predicateFixes,
  LL405: indexMigrationFixes,
  LL407: pivotTableFixes,
  LL501: findingFixes,
  LL502: findingFixes,
  LL601: replaceNameFixes,
  LL603: transactionFixes,
}
const KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite]

export const codeActionsFeature: Feature = {
  capabilities(client) {
    const literals = client.textDocument?.codeAction?.codeActionLiteralSupport
    return { codeActionProvider: literals ? { codeActionKinds: KINDS, resolveProvider: false } : true }
  },
  register(context) {
    context.connection.onCodeAction(
      guard(
        context.connection,
        'code actions',
        (params) => codeActions(context, params),
        () => [],
      ),
    )
  },
}

async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  await context.settingsReady
  const source = sourceAt(context, params.textDocument.uri)
  if (!source) return []
  const { project, index, file } = source
  const rootDir = project.rootDir
  const start = offsetAt(file, params.range.start)
  const end = offsetAt(file, params.range.end)
  const only = params.context.only
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`))
  const out: CodeAction[] = []
  // An edit computed on a file set aside (nested too deeply) would land on text it was not made for.
  const editable = (fix: Fix): boolean =>
    fix.edits.every((e) => !project.unreadableReason(e.file.fileName)) &&
    (!fix.create || canCreateFiles(context))
  // Without visible diagnostics a quick fix would fix something the user cannot see.
  if (wants(CodeActionKind.QuickFix) && context.settings().diagnostics.enable) {
    for (const finding of project.findings(file.fileName)) {
      const provider = PROVIDERS[finding.code]
      const severity = shownSeverity(context.settings(), finding)
      if (!provider || !severity || finding.start > end || finding.end < start) continue
      const diagnostic =
        clientDiagnostic(params.context.diagnostics, file, finding) ??
        toDiagnostic(index.program, finding, severity)
      for (const fix of provider({ index, rootDir, file, finding }).filter(editable))
        out.push(toAction(context, fix, CodeActionKind.QuickFix, [diagnostic]))
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    for (const fix of explicitKeyRefactors(index, file, start, end).filter(editable))
      out.push(toAction(context, fix, CodeActionKind.RefactorRewrite))
  }
  return out
}

function clientDiagnostic(sent: Diagnostic[], file: TS.SourceFile, finding: Finding): Diagnostic | undefined {
  const range = rangeIn(file, finding.start, finding.end)
  return sent.find(
    (d) =>
      d.code === finding.code &&
      d.range.start.line === range.start.line &&
      d.range.start.character === range.start.character &&
      d.range.end.line === range.end.line &&
      d.range.end.character === range.end.character,
  )
}

function toAction(context: ServerContext, fix: Fix, kind: string, diagnostics?: Diagnostic[]): CodeAction {
  const action: CodeAction = { title: fix.title, kind, edit: workspaceEdit(context, fix) }
  if (diagnostics) action.diagnostics = diagnostics
  if (fix.preferred) action.isPreferred = true
  return action
}

/** Versioned document changes where the client supports them, so a stale edit is refused. */
function workspaceEdit(context: ServerContext, fix: Fix): WorkspaceEdit {
  const byUri = new Map<string, TextEdit[]>()
  for (const edit of fix.edits) {
    const uri = pathToUri(edit.file.fileName)
    const list = byUri.get(uri) ?? []
    list.push({ range: rangeIn(edit.file, edit.start, edit.end), newText: edit.newText })
    byUri.set(uri, list)
  }
  if (context.clientCapabilities.workspace?.workspaceEdit?.documentChanges) {
    const changes: (TextDocumentEdit | CreateFile)[] = [...byUri].map(([uri, edits]) => ({
      textDocument: { uri, version: context.documents.get(uri)?.version ?? null },
      edits,
    }))
    if (fix.create) {
      // Never over an existing file: the client refuses the whole edit instead.
      const uri = pathToUri(fix.create.fileName)
      const start = { line: 0, character: 0 }
      changes.push(
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri, version: null },
          edits: [{ range: { start, end: start }, newText: fix.create.text }],
        },
      )
    }
    return { documentChanges: changes }
  }
  return { changes: Object.fromEntries(byUri) }
}

/** A fix that creates a file needs document changes with the `create` resource operation. */
function canCreateFiles(context: ServerContext): boolean {
  const edit = context.clientCapabilities.workspace?.workspaceEdit
  return edit?.documentChanges === true && edit.resourceOperations?.includes('create') === true
}
