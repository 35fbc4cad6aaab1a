// Installs what the real-editor tier (test/e2e/code-server.test.ts) runs, into .e2e/ (git-ignored), unless
// it is already there: Node.js 24 from the npm package that ships its binary, and code-server (VS Code in
// the browser) installed and built with that Node, as code-server requires. Its native modules build
// with node-gyp against Node 24's headers (Debian needs libkrb5-dev). The browser is Debian's Chromium,
// installed by .ci/run; this script only says when it is missing.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  cleanEnv,
  ensureNode,
  ensureRuntimes,
  home,
  NODE_VERSIONS,
  npmInstall,
  withNode,
} from './node-runtimes.mjs'

const NODE_VERSION = NODE_VERSIONS[24]
const CODE_SERVER_VERSION = '4.139.1'
const manifest = join(home, 'install.json')
const chromium = process.env.LUCID_LENS_CHROMIUM || '/usr/bin/chromium'

const node24 = ensureNode(NODE_VERSION)
const { nodeBin } = node24
const codeServerPrefix = join(home, 'code-server')
const codeServerEntry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js')

const wanted = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, nodeBin, codeServerEntry }

function installed() {
  if (!existsSync(manifest) || !existsSync(nodeBin) || !existsSync(codeServerEntry)) return false
  const found = JSON.parse(readFileSync(manifest, 'utf8'))
  return Object.entries(wanted).every(([key, value]) => found[key] === value)
}

if (installed()) {
  console.log(`code-server ${CODE_SERVER_VERSION} and Node.js ${NODE_VERSION} are installed in ${home}`)
} else {
  const started = Date.now()
  rmSync(manifest, { force: true })
  console.log(
    `Installing code-server ${CODE_SERVER_VERSION} with Node.js ${NODE_VERSION} into ${codeServerPrefix}`,
  )
  try {
    npmInstall(codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`, withNode(node24, cleanEnv()))
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
// Node.js 22 too, and the SQLite driver built for each, for the package tier (test/package).
ensureRuntimes()
if (!existsSync(chromium))
  console.warn(
    `No Chromium at ${chromium}: the code-server tier will fail. \`npm run provision\` installs it (as root ` +
      'on Debian), or set LUCID_LENS_CHROMIUM to a Chromium executable.',
  )
