// The app's .env, read the way AdonisJS reads it (dotenv syntax): KEY=value, quotes, comments.
import * as fs from 'node:fs'
import * as path from 'node:path'

export function readEnvFile(rootDir: string): Record<string, string> {
  let text: string
  try {
    text = fs.readFileSync(path.join(rootDir, '.env'), 'utf8')
  } catch {
    return {}
  }
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const match = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)?\s*$/)
    if (!match?.[1]) continue
    let value = (match[2] ?? '').trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length > 1)
      value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    out[match[1]] = value
  }
  return out
}
