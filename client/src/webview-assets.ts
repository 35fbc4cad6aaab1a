// The assets of a webview page from the extension's media folder: `<name>.js`, `base.css` and
// `<name>.css`, as URIs the webview may load, with a fresh nonce for the script.
import * as vscode from 'vscode'
import { createNonce, type PageAssets } from './html'

export function pageAssets(webview: vscode.Webview, mediaRoot: vscode.Uri, name: string): PageAssets {
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, file)).toString()
  return {
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: uri(`${name}.js`),
    baseStyleUri: uri('base.css'),
    styleUri: uri(`${name}.css`),
  }
}
