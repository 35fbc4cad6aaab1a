// The custom requests of server/src/protocol.ts, typed, for the commands.
import * as vscode from 'vscode'
import {
  EXPRESSION_AT_REQUEST,
  MODELS_REQUEST,
  PREVIEW_REQUEST,
  ROWS_REQUEST,
  type ExpressionAtParams,
  type ExpressionAtResult,
  type ModelSummary,
  type ModelsParams,
  type ModelsResult,
  type PreviewAnswer,
  type PreviewParams,
  type RowsParams,
  type RowsResult,
} from '../../server/src/protocol'
import type { ServerHost } from './server-host'

/** A model with the folder of the app that defines it. */
export interface AppModel extends ModelSummary {
  root: string
}

export class LucidRequests {
  constructor(private readonly host: ServerHost) {}

  async models(params: ModelsParams = {}): Promise<ModelsResult> {
    return this.host.request<ModelsResult>(MODELS_REQUEST, params)
  }

  /** Every app's models, those of the active editor's app first. */
  async allModels(): Promise<AppModel[]> {
    const { apps } = await this.models({})
    const active = vscode.window.activeTextEditor?.document.uri.fsPath
    const score = (root: string) => (active && active.startsWith(rootPath(root)) ? 0 : 1)
    return [...apps]
      .sort((a, b) => score(a.root) - score(b.root))
      .flatMap((app) => app.models.map((model) => ({ ...model, root: app.root })))
  }

  rows(params: RowsParams, token?: vscode.CancellationToken): Promise<RowsResult> {
    return this.host.request<RowsResult>(ROWS_REQUEST, params, token)
  }

  preview(params: PreviewParams, token?: vscode.CancellationToken): Promise<PreviewAnswer> {
    return this.host.request<PreviewAnswer>(PREVIEW_REQUEST, params, token)
  }

  expressionAt(params: ExpressionAtParams): Promise<ExpressionAtResult> {
    return this.host.request<ExpressionAtResult>(EXPRESSION_AT_REQUEST, params)
  }
}

/** Whether a document (URI string) belongs to the model's app. */
export function isInApp(model: AppModel, uri: string): boolean {
  const file = uri.startsWith('file:') ? vscode.Uri.parse(uri).fsPath : uri
  return file.startsWith(rootPath(model.root))
}

/** An app root as a file path, whether the server sent a path or a file:// URI. */
function rootPath(root: string): string {
  return root.startsWith('file:') ? vscode.Uri.parse(root).fsPath : root
}
