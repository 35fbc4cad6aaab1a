// Installs what the real-editor tier (test/e2e/code-server.test.ts) runs, into .e2e/ (git-ignored), unless
// it is already there: Node.js 24 from the npm package that ships its binary, and code-server (VS Code in
// the browser) installed and built with that Node, as code-server requires. Its native modules build
// with node-gyp against Node 24's headers (Debian needs libkrb5-dev). The browser is Debian's Chromium,
// installed by .ci/run; this script only says when it is missing.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const NODE_VERSION = '24.21.0'
const CODE_SERVER_VERSION = '4.139.1'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const home = process.env.LUCID_LENS_E2E_HOME || join(root, '.e2e')
const manifest = join(home, 'install.json')
const chromium = process.env.LUCID_LENS_CHROMIUM || '/usr/bin/chromium'

const platform = process.platform === 'win32' ? 'win' : process.platform
const nodePackage = `node-${platform}-${process.arch}`
const nodePrefix = join(home, 'node24')
const nodeHome = join(nodePrefix, 'node_modules', nodePackage)
const nodeBin = join(nodeHome, 'bin', 'node')
const codeServerPrefix = join(home, 'code-server')
const codeServerEntry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js')

const wanted = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, nodeBin, codeServerEntry }

function installed() {
  if (!existsSync(manifest) || !existsSync(nodeBin) || !existsSync(codeServerEntry)) return false
  const found = JSON.parse(readFileSync(manifest, 'utf8'))
  return Object.entries(wanted).every(([key, value]) => found[key] === value)
}

function npmInstall(prefix, spec, env = process.env) {
  mkdirSync(prefix, { recursive: true })
  // Its own package.json keeps npm from walking up into the repository's.
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: prefix,
    env,
    stdio: 'inherit',
  })
}

if (installed()) {
  console.log(`code-server ${CODE_SERVER_VERSION} and Node.js ${NODE_VERSION} are installed in ${home}`)
} else {
  const started = Date.now()
  rmSync(manifest, { force: true })
  console.log(`Installing Node.js ${NODE_VERSION} (npm ${nodePackage}) into ${nodePrefix}`)
  npmInstall(nodePrefix, `${nodePackage}@${NODE_VERSION}`)
  console.log(
    `Installing code-server ${CODE_SERVER_VERSION} with Node.js ${NODE_VERSION} into ${codeServerPrefix}`,
  )
  // code-server's install script checks the Node version npm runs on and builds VS Code's native
  // modules: Node 24 first on the PATH runs npm and node-gyp, whose headers come from nodedir.
  const env = {
    ...process.env,
    PATH: `${dirname(nodeBin)}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeHome,
  }
  try {
    npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, env)
  } catch (error) {
    console.error(
      'code-server did not install. Its native modules need a C++ toolchain, python3 and, on Debian, ' +
        'libkrb5-dev (apt-get install -y libkrb5-dev).',
    )
    throw error
  }
  writeFileSync(manifest, `${JSON.stringify(wanted, null, 2)}\n`)
  console.log(`Installed in ${Math.round((Date.now() - started) / 1000)} s`)
}
if (!existsSync(chromium))
  console.warn(
    `No Chromium at ${chromium}: the code-server tier will fail. On Debian: apt-get install -y chromium ` +
      '(or set LUCID_LENS_CHROMIUM to a Chromium executable).',
  )
