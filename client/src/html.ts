// The page every webview of the extension uses: a strict Content Security Policy (nothing inline,
// one script by nonce, styles only from the extension's media folder) and escaping for every value.
// Database values are untrusted text: they only ever reach the page through `escapeHtml`.
import { randomBytes } from 'node:crypto'

export interface PageAssets {
  /** `webview.cspSource`. */
  cspSource: string
  nonce: string
  /** Webview URIs of the page's script, the shared stylesheet (base.css) and the page's own. */
  scriptUri: string
  baseStyleUri: string
  styleUri: string
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** For attribute values in double quotes whose single quotes must stay readable (the CSP). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (char) => ENTITIES[char] ?? char)
}

export function createNonce(): string {
  return randomBytes(18).toString('base64')
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ')
}

export function page(title: string, assets: PageAssets, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(assets.cspSource, assets.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(assets.baseStyleUri)}">
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
<script nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>
`
}
