// Registers the commands, each behind one error boundary: the message goes to the output channel
// and a notification, and queued test answers left over from the failed command are dropped.
import * as path from 'node:path'
import * as vscode from 'vscode'
import {
  COMMANDS,
  REFRESH_SCHEMA_REQUEST,
  type PreviewRelatedArgs,
  type RefreshSchemaResult,
} from '../../../server/src/protocol'
import type { GraphPanel } from '../graph-panel'
import type { ServerHost } from '../server-host'
import { previewsAllowed } from '../trust-gate'
import type { CommandContext } from './context'
import { dryRunWrite } from './dry-run-write'
import { previewCounts } from './preview-counts'
import { previewPreload } from './preview-preload'
import { previewRelated } from './preview-related'
import { previewSelection } from './preview-selection'
import { showGraph } from './show-graph'

export interface CommandDeps {
  context: CommandContext
  host: ServerHost
  graph: GraphPanel
  output: vscode.LogOutputChannel
  /** Starts the server if it is not running yet (a dormant workspace, or after a failed start). */
  ensureStarted(): Promise<void>
  /** Under the test hook a failed command also rejects, so the test sees why. */
  rethrow: boolean
}

/** lifecycle: starts or stops the server itself; server: needs it; database: also needs trust. */
type CommandKind = 'lifecycle' | 'server' | 'database'

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { context, host } = deps
  const register = <A extends unknown[]>(id: string, run: (...args: A) => Promise<void>, kind: CommandKind) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      if (kind === 'database' && !previewsAllowed()) return
      try {
        if (kind !== 'lifecycle') await deps.ensureStarted()
        await run(...args)
      } catch (error) {
        context.prompter.discard()
        const message = error instanceof Error ? error.message : String(error)
        deps.output.error(`${id}: ${message}`)
        void vscode.window.showErrorMessage(message.startsWith('Lucid') ? message : `Lucid: ${message}`)
        if (deps.rethrow) throw error
      }
    })
  return [
    register(COMMANDS.restart, () => host.restart(), 'lifecycle'),
    register(COMMANDS.refreshSchema, () => refreshSchema(host), 'server'),
    register(
      COMMANDS.previewRelated,
      (args?: PreviewRelatedArgs) => previewRelated(context, args),
      'database',
    ),
    register(COMMANDS.previewPreload, () => previewPreload(context), 'database'),
    register(COMMANDS.previewCounts, () => previewCounts(context), 'database'),
    register(COMMANDS.previewSelection, () => previewSelection(context), 'database'),
    register(COMMANDS.dryRunWrite, () => dryRunWrite(context), 'database'),
    register(COMMANDS.showGraph, () => showGraph(context.requests, deps.graph), 'server'),
  ]
}

async function refreshSchema(host: ServerHost): Promise<void> {
  const result = await host.request<RefreshSchemaResult>(REFRESH_SCHEMA_REQUEST, {})
  const lines = result.apps.map(
    (app) =>
      `${path.basename(app.root)}: ${app.source === 'database' ? `database ${app.label ?? ''}` : app.source}` +
      ` (${app.tables} tables)${app.problem ? `: ${app.problem}` : ''}`,
  )
  void vscode.window.showInformationMessage(
    lines.length ? `Lucid schema: ${lines.join('; ')}` : 'Lucid: no app open (open a model first)',
  )
}
