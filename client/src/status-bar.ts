// The status bar item: models and the database the previews use, red when that database fails.
// A click opens the database settings.
import * as vscode from 'vscode'
import { COMMANDS, type StatusParams } from '../../server/src/protocol'
import { RUNNING_STATUS, STARTING_STATUS, STOPPED_STATUS, statusRender } from './status-text'
import type { StatusRender } from './test-api'

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'lucidLens.status',
    vscode.StatusBarAlignment.Left,
    10,
  )
  private current: StatusRender = STARTING_STATUS
  private disposed = false

  constructor(private readonly onShown: (render: StatusRender) => void) {
    this.item.name = 'Lucid Lens'
    this.item.command = COMMANDS.openDatabaseSettings
  }

  get shown(): StatusRender {
    return this.current
  }

  starting(): void {
    this.show(STARTING_STATUS)
  }

  /** The server runs: until its first status, say that it is reading the apps. */
  running(): void {
    if (this.current === STARTING_STATUS || this.current === STOPPED_STATUS) this.show(RUNNING_STATUS)
  }

  stopped(): void {
    this.show(STOPPED_STATUS)
  }

  status(params: StatusParams): void {
    this.show(statusRender(params))
  }

  dispose(): void {
    this.disposed = true
    this.item.dispose()
  }

  private show(render: StatusRender): void {
    // The server stops after the item is gone when the extension deactivates.
    if (this.disposed) return
    this.current = render
    this.item.text = render.text
    this.item.tooltip = render.tooltip
    this.item.backgroundColor = render.error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : undefined
    this.item.show()
    this.onShown(render)
  }
}

export function registerOpenDatabaseSettings(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.openDatabaseSettings, () =>
    vscode.commands.executeCommand('workbench.action.openSettings', 'lucidLens.database'),
  )
}
