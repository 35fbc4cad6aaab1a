// The `lucid-lens` npm package end to end: scripts/pack-npm.mjs packs the built bundles into a tarball,
// which installs with `npm install -D ./lucid-lens-<version>.tgz` into a copy of the example app and
// runs `npx lucid-lens check` and `npx lucid-lens preview` there on Node.js 20, 22 and 24; its language
// server (server.js --stdio, as another editor starts it) answers a preview on each too. The app has
// its own better-sqlite3, built for each Node (scripts/node-runtimes.mjs caches those builds in
// LUCID_LENS_E2E_HOME); the package carries no driver, so every SQLite preview goes through it.
import assert from 'node:assert/strict'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { PREVIEW_REQUEST, type PreviewAnswer } from '../../server/src/protocol'
import { repoRoot } from '../support/paths'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string
}

// What the package may hold: its manifest, README, LICENSE, the four bundles and TypeScript's lib files.
const ALLOWED = [
  /^package\/(package\.json|README\.md|LICENSE)$/,
  /^package\/server\/out\/(cli|server|preview-worker|database-drivers)\.js$/,
  /^package\/server\/out\/lib\.[\w.]+\.d\.ts$/,
]
const REQUIRED = [
  'package/package.json',
  'package/README.md',
  'package/LICENSE',
  'package/server/out/cli.js',
  'package/server/out/server.js',
  'package/server/out/preview-worker.js',
  'package/server/out/database-drivers.js',
  'package/server/out/lib.es5.d.ts',
]
// About 5.6 MB today; source maps or a node_modules folder would pass 9 MB.
const MAX_TARBALL_BYTES = 9 * 1024 * 1024

interface Runtime {
  version: string
  nodeBin: string
  /** A node_modules holding better-sqlite3 built for this Node, with its dependencies. */
  sqliteModules: string
}

const home = process.env['LUCID_LENS_E2E_HOME'] || path.join(repoRoot, '.e2e')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-npm-test-'))
let tarball = ''
let runtimes: Runtime[] = []

/** The environment of a user's shell with `nodeBin` first on the PATH: nothing from an outer npm run. */
function userEnv(nodeBin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        /^npm_config_(cache|registry)$/i.test(key) || !/^(npm_|init_cwd$|node$|node_path$)/i.test(key),
    ),
  )
  const dirs = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => !/node_modules[\\/]\.bin$/.test(dir))
  return { ...env, PATH: [path.dirname(nodeBin), ...dirs].join(path.delimiter) }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** Copies `name` and every package it depends on, found from `from`, into `modules` (flat). */
function copyWithDependencies(name: string, from: string, modules: string, seen = new Set<string>()): void {
  if (seen.has(name)) return
  seen.add(name)
  const dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }))
  fs.cpSync(dir, path.join(modules, name), { recursive: true })
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  for (const dependency of Object.keys(manifest.dependencies ?? {}))
    copyWithDependencies(dependency, dir, modules, seen)
}

before(() => {
  const packed = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'pack-npm.mjs'), '--out', work],
    {
      encoding: 'utf8',
    },
  )
  tarball = path.join(work, `lucid-lens-${version}.tgz`)
  assert.ok(fs.existsSync(tarball), packed)
  const file = path.join(home, 'runtimes.json')
  if (!fs.existsSync(file))
    throw new Error(`No Node.js 22/24 in ${home}: run \`node scripts/node-runtimes.mjs\` (npm test does).`)
  runtimes = (JSON.parse(fs.readFileSync(file, 'utf8')) as { runtimes: Runtime[] }).runtimes
})

after(() => fs.rmSync(work, { recursive: true, force: true }))

test('the tarball holds the bundles, the lib files, README, LICENSE and a manifest without dependencies', (t) => {
  const names = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
  t.diagnostic(`${fs.statSync(tarball).size} bytes, ${names.length} files`)
  assert.deepEqual(
    names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name))),
    [],
  )
  assert.deepEqual(
    REQUIRED.filter((name) => !names.includes(name)),
    [],
  )
  assert.ok(fs.statSync(tarball).size < MAX_TARBALL_BYTES, `${fs.statSync(tarball).size} bytes`)
  const manifest = JSON.parse(fs.readFileSync(path.join(work, 'npm', 'package.json'), 'utf8'))
  assert.equal(manifest.name, 'lucid-lens')
  assert.equal(manifest.version, version)
  assert.equal(manifest.private, undefined)
  assert.equal(manifest.license, 'MIT')
  assert.deepEqual(manifest.bin, { 'lucid-lens': 'server/out/cli.js' })
  assert.match(manifest.engines.node, /^>=20/)
  assert.equal(manifest.dependencies, undefined)
  assert.deepEqual(manifest.peerDependenciesMeta, { 'better-sqlite3': { optional: true } })
})

/** The example app with the driver built for `runtime`'s Node, as `npm install` on it leaves it. */
async function exampleApp(name: string, runtime: Runtime): Promise<string> {
  const app = path.join(work, name)
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  // The app's other dependencies (AdonisJS, Lucid) are not what is tested here, and installing them
  // for each Node would cost minutes: the analysis reads Lucid's types from a bundled shim without them.
  const manifest = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'))
  const driver = JSON.parse(
    fs.readFileSync(path.join(runtime.sqliteModules, 'better-sqlite3', 'package.json'), 'utf8'),
  ) as { version: string }
  manifest.dependencies = { 'better-sqlite3': `^${driver.version}` }
  fs.writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  copyWithDependencies('better-sqlite3', runtime.sqliteModules, path.join(app, 'node_modules'))
  const db = path.join(app, 'tmp', 'db.sqlite3')
  fs.mkdirSync(path.dirname(db))
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  return app
}

/** Node 20 is the one running the tests, with the repository's own driver; 22 and 24 from .e2e/. */
function allRuntimes(): Runtime[] {
  const own = {
    version: process.versions.node,
    nodeBin: process.execPath,
    sqliteModules: path.join(repoRoot, 'node_modules'),
  }
  return [own, ...runtimes]
}

for (const major of [20, 22, 24]) {
  test(`Node.js ${major}: npm install -D the tarball; npx lucid-lens check and preview, and the package's server, in the app`, async (t) => {
    const runtime = allRuntimes().find((r) => r.version.startsWith(`${major}.`))
    assert.ok(runtime, `Node.js ${major} is installed (${home}/runtimes.json)`)
    const app = await exampleApp(`blog-node${major}`, runtime)
    t.after(() => fs.rmSync(app, { recursive: true, force: true }))
    const env = userEnv(runtime.nodeBin)
    assert.equal(run('node', ['-p', 'process.version'], app, env).output.trim(), `v${runtime.version}`)

    const started = performance.now()
    const install = run(
      'npm',
      ['install', '-D', '--no-audit', '--no-fund', '--prefer-offline', tarball],
      app,
      env,
    )
    assert.equal(install.status, 0, install.output)
    t.diagnostic(`npm install: ${Math.round(performance.now() - started)} ms`)
    const manifest = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'))
    assert.match(manifest.devDependencies['lucid-lens'], /lucid-lens-.*\.tgz$/)

    const check = run('npx', ['lucid-lens', 'check'], app, env)
    assert.equal(check.status, 1, check.output)
    for (const code of ['LL103', 'LL201', 'LL304']) assert.match(check.output, new RegExp(`error ${code}:`))
    assert.match(check.output, /Found 3 errors and 0 warnings in 6 models/)

    const sarif = run('npx', ['lucid-lens', 'check', '--format', 'sarif'], app, env)
    assert.equal(JSON.parse(sarif.output).runs[0].results.length, 3)

    // SQLite through the app's driver: the package has none, and only this Node's build loads here.
    const preview = run('npx', ['lucid-lens', 'preview', "User.query().preload('posts').limit(1)"], app, env)
    assert.equal(preview.status, 0, preview.output)
    assert.match(preview.output, /select \* from `users` limit \?/)
    assert.match(preview.output, /select \* from `posts` where `user_id` in \(\?\)/)
    assert.match(preview.output, /user1@example\.com/)

    // The package's language server, as another editor starts it, previews on this Node too.
    const server = path.join(app, 'node_modules', 'lucid-lens', 'server', 'out', 'server.js')
    const answer = await previewThroughServer(runtime.nodeBin, server, app, env)
    assert.equal(answer.kind, 'result', JSON.stringify(answer))
    const rows = answer.kind === 'result' ? answer.result.result : undefined
    assert.match(JSON.stringify(rows), /user1@example\.com/)
  })
}

/** `node server.js --stdio` in the app: initialize, one lucidLens/preview request, shutdown. */
async function previewThroughServer(
  nodeBin: string,
  server: string,
  app: string,
  env: NodeJS.ProcessEnv,
): Promise<PreviewAnswer> {
  const child = spawn(nodeBin, [server, '--stdio'], { cwd: app, env, stdio: ['pipe', 'pipe', 'inherit'] })
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  connection.onRequest('workspace/configuration', () => [{}])
  connection.onRequest('client/registerCapability', () => null)
  connection.listen()
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToUri(app),
      capabilities: {},
    })
    await connection.sendNotification('initialized', {})
    const uri = pathToUri(path.join(app, 'app', 'models', 'user.ts'))
    const answer: PreviewAnswer = await connection.sendRequest(PREVIEW_REQUEST, {
      uri,
      expression: 'User.query().limit(1)',
    })
    await connection.sendRequest('shutdown')
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await connection.sendNotification('exit')
    await exited
    return answer
  } finally {
    connection.dispose()
    child.kill()
  }
}

test('a driver built for another Node.js is refused with the Node.js, the platform and what to do', async (t) => {
  const other = runtimes.find((r) => !r.version.startsWith(`${process.versions.node.split('.')[0]}.`))
  assert.ok(other, `another Node.js is installed (${home}/runtimes.json)`)
  const app = await exampleApp('blog-other-abi', other)
  t.after(() => fs.rmSync(app, { recursive: true, force: true }))
  const cli = path.join(work, 'npm', 'server', 'out', 'cli.js')
  const env = userEnv(process.execPath)
  const preview = run(
    process.execPath,
    [cli, 'preview', '--project', app, 'User.query().limit(1)'],
    work,
    env,
  )
  assert.equal(preview.status, 2, preview.output)
  assert.match(preview.output, /Cannot load the SQLite driver better-sqlite3/)
  assert.match(
    preview.output,
    new RegExp(`Node\\.js ${process.version.replace(/\./g, '\\.')} \\(${process.platform}-`),
  )
  assert.match(preview.output, /NODE_MODULE_VERSION/)
  assert.match(preview.output, /Run `npm install` in the app/)
})
