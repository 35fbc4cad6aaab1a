// Which Node.js runs the language server. The server is a separate process so that its SQLite driver
// (better-sqlite3, a native addon: the app's own, built by `npm install` for the system Node.js, or the
// one a platform .vsix carries) loads whatever runtime the editor itself uses. No vscode import: the choice is unit-tested.
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

/** The oldest Node.js the bundled server supports (package.json `engines.node`). */
export const MINIMUM_NODE: readonly [number, number] = [20, 19]

/** A Node.js executable and what running `--version` on it gave. */
export interface Candidate {
  executable: string
  version?: string
  error?: string
}

export interface RuntimeChoice {
  /** The executable to spawn; undefined: the editor's own runtime (fork with ELECTRON_RUN_AS_NODE). */
  runtime?: string
  source: 'setting' | 'path' | 'editor'
  /** Why a candidate was passed over, and what the editor runtime means for SQLite: for the output channel. */
  warnings: string[]
}

/** The setting wins, then `node` on the PATH, then the editor's runtime with a warning. */
export function chooseRuntime(input: { setting?: Candidate; onPath?: Candidate }): RuntimeChoice {
  const warnings: string[] = []
  if (input.setting) {
    const problem = candidateProblem(input.setting)
    if (!problem) return { runtime: input.setting.executable, source: 'setting', warnings }
    warnings.push(`lucidLens.server.runtime "${input.setting.executable}" cannot run the server: ${problem}.`)
  }
  if (input.onPath) {
    const problem = candidateProblem(input.onPath)
    if (!problem) return { runtime: input.onPath.executable, source: 'path', warnings }
    warnings.push(`"node" on the PATH (${input.onPath.executable}) cannot run the server: ${problem}.`)
  } else {
    warnings.push('No "node" executable was found on the PATH.')
  }
  warnings.push(
    "The language server runs in the editor's own runtime: SQLite previews and schema reads may fail " +
      "because the app's SQLite driver is built for the system Node.js. Set lucidLens.server.runtime to " +
      `that Node.js (${MINIMUM_NODE.join('.')} or newer).`,
  )
  return { source: 'editor', warnings }
}

function candidateProblem(candidate: Candidate): string | undefined {
  if (candidate.error) return candidate.error
  if (!candidate.version) return 'it printed no version'
  if (!versionAtLeast(candidate.version, MINIMUM_NODE))
    return `it is Node.js ${candidate.version}, older than ${MINIMUM_NODE.join('.')}`
  return undefined
}

/** `v20.19.1` against [20, 19]. */
export function versionAtLeast(version: string, minimum: readonly [number, number]): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim())
  if (!match) return false
  const major = Number(match[1])
  const minor = Number(match[2])
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1])
}

/** The first executable file called `name` in PATH's folders (with PATHEXT's extensions on Windows). */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const pathValue = env['PATH'] ?? env['Path'] ?? ''
  const delimiter = platform === 'win32' ? ';' : ':'
  const extensions =
    platform === 'win32' ? (env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : ['']
  for (const folder of pathValue.split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension)
      if (isExecutableFile(candidate, platform)) return candidate
    }
  }
  return undefined
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false
    if (platform !== 'win32') fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Runs `executable --version`; a runtime that does not start says why. */
export function probeNode(executable: string, timeoutMs = 10_000): Promise<Candidate> {
  return new Promise((resolve) => {
    execFile(executable, ['--version'], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      if (error) resolve({ executable, error: error.message.split('\n')[0] ?? String(error) })
      else resolve({ executable, version: stdout.trim() })
    })
  })
}

/** `~/bin/node` → the home folder's; anything else as given. */
export function expandHome(executable: string): string {
  return executable === '~' || executable.startsWith('~/')
    ? path.join(os.homedir(), executable.slice(1))
    : executable
}

/** Probes the setting and PATH's `node` (only as far as needed) and chooses. */
export async function resolveRuntime(setting: string, env: NodeJS.ProcessEnv): Promise<RuntimeChoice> {
  const configured = setting.trim()
  const fromSetting = configured ? await probeNode(expandHome(configured)) : undefined
  if (fromSetting && !candidateProblem(fromSetting)) return chooseRuntime({ setting: fromSetting })
  const nodePath = findOnPath('node', env)
  const onPath = nodePath ? await probeNode(nodePath) : undefined
  return chooseRuntime({ setting: fromSetting, onPath })
}
