// The one preview panel, reused by every preview: shows a result or an error, and handles its
// buttons (re-run, copy SQL, exports through a save dialog on the extension side).
import * as vscode from 'vscode'
import type { ExecutedStatement, PreviewResult } from '../../engine/src/query/result'
import { toCsv, toJson } from './export-format'
import { pageAssets } from './webview-assets'
import { previewHtml, type PanelAnswer } from './preview-html'
import type { Prompter } from './quick-picks'
import type { PanelRender } from './test-api'

export interface PanelShow {
  /** `User.posts`: the panel is titled `Lucid: User.posts`. */
  title: string
  expression: string
  answer: PanelAnswer
}

export interface PanelEvents {
  /** Runs the preview again; with `explain`, asking for each read's query plan. */
  rerun(explain?: 'plan' | 'analyze'): void
  /** A plan's "Show User.posts": open the relation's declaration at its finding `code` (LL405). */
  showRelation(relation: string, code?: string): void
  rendered(render: PanelRender): void
  /** New content: renders reported for older content are stale. */
  showing(): void
}

const VIEW_TYPE = 'lucidLens.preview'

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined
  private result: PreviewResult | undefined
  /** The statements shown: run ones, or the SQL-only answer's (no database). */
  private statements: ExecutedStatement[] = []
  private title = 'preview'

  constructor(
    private readonly mediaRoot: vscode.Uri,
    private readonly prompter: Prompter,
    private readonly events: PanelEvents,
  ) {}

  show(content: PanelShow): void {
    const panel = this.panel ?? this.create()
    const { answer } = content
    this.result = answer.kind === 'result' ? answer.result : undefined
    this.statements =
      answer.kind === 'result' ? answer.result.statements : answer.kind === 'sql' ? answer.statements : []
    this.title = content.title
    const title = `Lucid: ${content.title}`
    panel.title = title
    this.events.showing()
    const webview = panel.webview
    panel.webview.html = previewHtml(
      { title, expression: content.expression, answer: content.answer },
      pageAssets(webview, this.mediaRoot, 'preview'),
    )
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, true)
  }

  dispose(): void {
    this.panel?.dispose()
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Lucid',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [this.mediaRoot] },
    )
    panel.onDidDispose(() => {
      this.panel = undefined
      this.result = undefined
    })
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message))
    this.panel = panel
    return panel
  }

  private async receive(message: unknown): Promise<void> {
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined
    try {
      switch (type) {
        case 'rendered':
          this.events.rendered((message as { render: PanelRender }).render)
          return
        case 'rerun':
          this.events.rerun()
          return
        case 'explain':
          this.events.rerun('plan')
          return
        case 'explainAnalyze':
          this.events.rerun('analyze')
          return
        case 'showRelation': {
          const { relation, code } = message as { relation?: unknown; code?: unknown }
          if (typeof relation === 'string')
            this.events.showRelation(relation, typeof code === 'string' ? code : undefined)
          return
        }
        case 'copySql':
          await this.copySql()
          return
        case 'exportCsv':
          await this.export('csv')
          return
        case 'exportJson':
          await this.export('json')
          return
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Lucid: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  private async copySql(): Promise<void> {
    if (!this.statements.length) return
    const sql = this.statements.map((statement) => `${statement.sql};`).join('\n')
    await vscode.env.clipboard.writeText(sql)
    void vscode.window.setStatusBarMessage('Lucid: SQL copied', 3000)
  }

  private async export(format: 'csv' | 'json'): Promise<void> {
    if (!this.result) return
    const name = `${this.title.replace(/[^\w.-]+/g, '-')}.${format}`
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri
    const target = await this.prompter.saveLocation({
      title: `Export the rows as ${format.toUpperCase()}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    })
    if (!target) return
    const text = format === 'csv' ? toCsv(this.result) : toJson(this.result)
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text))
    void vscode.window.showInformationMessage(`Lucid: exported to ${vscode.workspace.asRelativePath(target)}`)
  }
}
