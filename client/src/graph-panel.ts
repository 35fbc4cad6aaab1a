// The relationship graph webview: drawn from the models request; a model opens its file.
import * as vscode from 'vscode'
import type { ModelsResult } from '../../server/src/protocol'
import { GRAPH_TITLE, graphHtml } from './graph-html'
import { pageAssets } from './webview-assets'
import type { GraphRender } from './test-api'

export interface GraphEvents {
  rendered(render: GraphRender): void
  showing(): void
}

export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined

  constructor(
    private readonly mediaRoot: vscode.Uri,
    private readonly events: GraphEvents,
  ) {}

  async show(models: ModelsResult): Promise<void> {
    // Laid out before the panel opens: ELK's layout is asynchronous.
    const html = (webview: vscode.Webview) =>
      graphHtml(models.apps, pageAssets(webview, this.mediaRoot, 'graph'))
    const panel = this.panel ?? this.create()
    this.events.showing()
    const webview = panel.webview
    webview.html = await html(webview)
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, true)
  }

  dispose(): void {
    this.panel?.dispose()
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      'lucidLens.graph',
      GRAPH_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [this.mediaRoot] },
    )
    panel.onDidDispose(() => (this.panel = undefined))
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message))
    this.panel = panel
    return panel
  }

  private async receive(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return
    const { type } = message as { type?: unknown }
    if (type === 'rendered') this.events.rendered((message as { render: GraphRender }).render)
    if (type === 'open') {
      const { uri, line } = message as { uri?: unknown; line?: unknown }
      if (typeof uri !== 'string' || !uri) return
      const position = new vscode.Position(typeof line === 'number' && line >= 0 ? line : 0, 0)
      try {
        await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
          selection: new vscode.Range(position, position),
          viewColumn: vscode.ViewColumn.One,
        })
      } catch (error) {
        void vscode.window.showErrorMessage(
          `Lucid: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  }
}
