// code-server, as installed by scripts/ensure-code-server.mjs: its own Node.js 24 runs it (and so VS Code's
// extension host), a private profile (user data, extensions, settings) per run, the .vsix installed with its
// CLI. The system Node.js stays first on the PATH: the extension starts the language server with `node`
// from the PATH, and the SQLite driver in the .vsix is built for that Node.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from '../../support/paths'

export interface CodeServerInstall {
  node: string
  codeServer: string
  nodeBin: string
  codeServerEntry: string
}

/** The private folders of one run. */
export interface Profile {
  userData: string
  extensions: string
  /** XDG_* homes, so nothing is written to the user's own config or data folders. */
  home: string
  config: string
}

const STOP_GRACE_MS = 10_000

/** What the example app's workbench is set to: no trust prompt, no telemetry, no network lookups. */
export const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // The example app ships without node_modules: TypeScript's own errors (unresolved imports) are noise
  // on the screenshots. Lucid Lens's diagnostics are unaffected.
  'typescript.validate.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.autoDetect': 'off',
}

export function readInstall(): CodeServerInstall {
  const home = process.env['LUCID_LENS_E2E_HOME'] ?? path.join(repoRoot, '.e2e')
  const manifest = path.join(home, 'install.json')
  if (!fs.existsSync(manifest))
    throw new Error(`code-server is not installed in ${home}: run node scripts/ensure-code-server.mjs`)
  return JSON.parse(fs.readFileSync(manifest, 'utf8')) as CodeServerInstall
}

export function createProfile(dir: string): Profile {
  const profile: Profile = {
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    home: path.join(dir, 'home'),
    config: path.join(dir, 'code-server.yaml'),
  }
  fs.mkdirSync(path.join(profile.userData, 'User'), { recursive: true })
  fs.mkdirSync(profile.extensions, { recursive: true })
  fs.mkdirSync(profile.home, { recursive: true })
  fs.writeFileSync(path.join(profile.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2))
  fs.writeFileSync(profile.config, 'auth: none\n')
  return profile
}

function environment(profile: Profile, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    XDG_CONFIG_HOME: path.join(profile.home, 'config'),
    XDG_DATA_HOME: path.join(profile.home, 'data'),
    XDG_CACHE_HOME: path.join(profile.home, 'cache'),
    ...extra,
  }
}

function profileArgs(profile: Profile): string[] {
  return [
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
  ]
}

/** `code-server --install-extension file.vsix`; returns the installed extension's folder. */
export function installExtension(install: CodeServerInstall, profile: Profile, vsix: string): string {
  const result = spawnSync(
    install.nodeBin,
    [install.codeServerEntry, ...profileArgs(profile), '--install-extension', vsix, '--force'],
    { env: environment(profile, {}), encoding: 'utf8' },
  )
  if (result.status !== 0)
    throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  const installed = fs.readdirSync(profile.extensions).filter((name) => name.startsWith('lucid-lens.'))
  if (installed.length !== 1)
    throw new Error(`expected one installed extension, found ${installed.join(', ')}`)
  return path.join(profile.extensions, installed[0] ?? '')
}

export interface RunningCodeServer {
  url: string
  process: ChildProcess
  /** Everything code-server printed, for the artifacts. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts code-server on a free loopback port (it picks one and prints it). `env` reaches the extension
 * host: it inherits code-server's environment. The page's URL says which folder to open.
 */
export function startCodeServer(
  install: CodeServerInstall,
  profile: Profile,
  env: Record<string, string>,
): Promise<RunningCodeServer> {
  const child = spawn(
    install.nodeBin,
    [
      install.codeServerEntry,
      ...profileArgs(profile),
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // A built VS Code ignores the extension test arguments of the page's URL unless this is on.
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    // Its own process group: stopping it ends the VS Code server, the extension host and the
    // language server it started.
    { env: environment(profile, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    const group = -child.pid
    process.kill(group, 'SIGTERM')
    // A process of the group that ignores SIGTERM must not keep the test run alive.
    const force = setTimeout(() => process.kill(group, 'SIGKILL'), STOP_GRACE_MS)
    await exited
    clearTimeout(force)
  }
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (listening?.[1]) resolve({ url: listening[1], process: child, output: () => output, stop })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) =>
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`)),
    )
  })
}
