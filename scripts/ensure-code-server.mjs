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

const separator = process.platform === 'win32' ? ';' : ':'

/**
 * This machine's environment without what an outer npm (`npm test`) exported for its own run:
 * code-server's install script reads the Node version from `npm_config_user_agent`, and an inherited
 * `node/v20` there fails it; the other `npm_*` values (prefix, lifecycle, nodedir) and the outer
 * run's `node_modules/.bin` folders on the PATH belong to that run too. npm's cache and registry are
 * the machine's, and stay.
 */
function cleanEnv() {
  const kept = new Set(['npm_config_cache', 'npm_config_registry'])
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => kept.has(key.toLowerCase()) || !/^(npm_|init_cwd$|node$)/i.test(key),
    ),
  )
  env.PATH = (process.env.PATH ?? '')
    .split(separator)
    .filter((dir) => dir && !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(dir))
    .join(separator)
  return env
}

/** Node 24 first on the PATH runs npm and node-gyp, which build against its headers (`nodedir`). */
function withNode24(env) {
  return { ...env, PATH: `${dirname(nodeBin)}${separator}${env.PATH}`, npm_config_nodedir: nodeHome }
}

function npmInstall(prefix, spec, env) {
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
  npmInstall(nodePrefix, `${nodePackage}@${NODE_VERSION}`, cleanEnv())
  console.log(
    `Installing code-server ${CODE_SERVER_VERSION} with Node.js ${NODE_VERSION} into ${codeServerPrefix}`,
  )
  try {
    npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, withNode24(cleanEnv()))
  } catch (error) {
    console.error(
      'code-server did not install. Its native modules need a C++ toolchain, python3 and, on Debian, ' +
        `libkrb5-dev: \`npm run provision\` installs them (as root). npm said: ${error.message.split('\n')[0]}`,
    )
    process.exit(1)
  }
  writeFileSync(manifest, `${JSON.stringify(wanted, null, 2)}\n`)
  console.log(`Installed in ${Math.round((Date.now() - started) / 1000)} s`)
}
if (!existsSync(chromium))
  console.warn(
    `No Chromium at ${chromium}: the code-server tier will fail. \`npm run provision\` installs it (as root ` +
      'on Debian), or set LUCID_LENS_CHROMIUM to a Chromium executable.',
  )
