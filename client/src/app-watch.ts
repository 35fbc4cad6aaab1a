// Finds out whether the workspace holds a Lucid app (an adonisrc, or a package.json depending on
// @adonisjs/lucid, at most three folders deep) and watches for one to appear in a dormant workspace.
import * as vscode from 'vscode'
import { ADONISRC_GLOB, dependsOnLucid, EXCLUDE_GLOB, PACKAGE_JSON_GLOB } from './app-detect'

export async function hasLucidApp(): Promise<boolean> {
  if ((await vscode.workspace.findFiles(ADONISRC_GLOB, EXCLUDE_GLOB, 1)).length > 0) return true
  for (const uri of await vscode.workspace.findFiles(PACKAGE_JSON_GLOB, EXCLUDE_GLOB, 100)) {
    try {
      if (dependsOnLucid(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)))) return true
    } catch {
      // A package.json that vanished or cannot be read says nothing about Lucid.
    }
  }
  return false
}

/** Calls `found` once a marker file appears or changes so that the workspace holds a Lucid app. */
export function watchForApp(found: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/{adonisrc.ts,.adonisrc.json,package.json}')
  let done = false
  const check = async (uri: vscode.Uri) => {
    if (done || uri.path.includes('/node_modules/')) return
    if (await hasLucidApp()) {
      done = true
      watcher.dispose()
      found()
    }
  }
  watcher.onDidCreate((uri) => void check(uri))
  watcher.onDidChange((uri) => void check(uri))
  return watcher
}
