// What a run leaves in test-artifacts/e2e/ besides the screenshots: code-server's output, the page's
// console errors, VS Code's logs (extension host, Lucid Lens's output channel) and the suite's results.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { SuiteResults } from '../protocol'

export function collectArtifacts(
  run: string,
  artifacts: string,
  found: { codeServer?: string; console?: string[]; results?: SuiteResults },
): void {
  fs.mkdirSync(artifacts, { recursive: true })
  if (found.codeServer !== undefined)
    fs.writeFileSync(path.join(artifacts, 'code-server.log'), found.codeServer)
  if (found.console) fs.writeFileSync(path.join(artifacts, 'console-errors.log'), found.console.join('\n'))
  if (found.results)
    fs.writeFileSync(path.join(artifacts, 'results.json'), JSON.stringify(found.results, null, 2))
  const logs = path.join(run, 'user-data', 'logs')
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'logs'), { recursive: true })
}
