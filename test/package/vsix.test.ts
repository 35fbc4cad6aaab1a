// `npm run package` end to end: scripts/package.mjs packs the built bundles into a universal .vsix and
// one for this machine (`--target`, with the SQLite driver), and the extension folders unpacked from
// them run the CLI (TypeScript analysis, SQLite previews through the packaged driver or the app's own)
// with no node_modules of the repository in reach.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { repoRoot } from '../support/paths'
import { vsixTarget } from '../support/vsix-target'
import { readZip, type ZipEntry } from './zip'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string
  contributes: unknown
}

// Everything a .vsix may hold. Anything else (sources, tests, maps, other node_modules) fails.
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/docs\/icon\.png$/,
  /^extension\/syntaxes\/[\w-]+\.tmLanguage\.json$/,
  // The README's screenshots: the Marketplace page and the Extensions view show them from the package.
  /^extension\/docs\/screenshots\/[\w-]+\.png$/,
  /^extension\/client\/out\/extension\.js$/,
  /^extension\/client\/media\/[\w./-]+\.(css|js|svg|png)$/,
  /^extension\/server\/out\/[\w-]+\.js$/,
  /^extension\/server\/out\/lib\.[\w.]+\.d\.ts$/,
  /^extension\/server\/out\/node_modules\/better-sqlite3\/(package\.json|LICENSE|lib\/[\w/-]+\.js)$/,
  /^extension\/server\/out\/node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/,
  /^extension\/server\/out\/node_modules\/bindings\/(package\.json|LICENSE\.md|bindings\.js)$/,
  /^extension\/server\/out\/node_modules\/file-uri-to-path\/(package\.json|LICENSE|index\.js)$/,
]

const DRIVER_FILES: [string, string[]][] = [
  ['better-sqlite3', ['package.json', 'lib', 'build/Release/better_sqlite3.node']],
  ['bindings', ['package.json', 'bindings.js']],
  ['file-uri-to-path', ['package.json', 'index.js']],
]

const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/docs/icon.png',
  'extension/LICENSE.txt',
  'extension/syntaxes/lucid-relations.tmLanguage.json',
  'extension/client/out/extension.js',
  'extension/server/out/server.js',
  'extension/server/out/cli.js',
  'extension/server/out/database-drivers.js',
  'extension/server/out/lib.es5.d.ts',
  'extension/server/out/node_modules/better-sqlite3/lib/index.js',
  'extension/server/out/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  'extension/server/out/node_modules/bindings/bindings.js',
  'extension/server/out/node_modules/file-uri-to-path/index.js',
]

// About 7 MB today; shipping the source maps or a stray node_modules package would pass 12 MB.
const MAX_VSIX_BYTES = 12 * 1024 * 1024

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-vsix-test-'))
const target = vsixTarget()
const vsix = path.join(work, 'dist', `lucid-lens-${target}-${manifest.version}.vsix`)
const universalVsix = path.join(work, 'dist', `lucid-lens-${manifest.version}.vsix`)
const installed = path.join(work, 'installed')
const universal = path.join(work, 'universal')
let entries: ZipEntry[] = []
let universalEntries: ZipEntry[] = []
let packSeconds = 0
const DRIVER = /^extension\/server\/out\/node_modules\//

/** Runs node with no NODE_PATH, from the temp folder, so only the unpacked extension's files resolve. */
function node(args: string[]): { status: number | null; output: string } {
  const env = { ...process.env }
  delete env['NODE_PATH']
  const result = spawnSync(process.execPath, args, { cwd: work, env, encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

before(() => {
  const started = performance.now()
  const packed = node([path.join(repoRoot, 'scripts', 'package.mjs'), '--out', path.dirname(vsix)])
  assert.equal(packed.status, 0, packed.output)
  packSeconds = (performance.now() - started) / 1000
  assert.deepEqual(
    fs.readdirSync(path.dirname(vsix)).sort(),
    [path.basename(universalVsix), path.basename(vsix)].sort(),
  )
  entries = unpack(vsix, installed)
  universalEntries = unpack(universalVsix, universal)
})

function unpack(file: string, into: string): ZipEntry[] {
  const found = readZip(fs.readFileSync(file))
  for (const entry of found) {
    const to = path.join(into, entry.name)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.writeFileSync(to, entry.data())
  }
  return found
}

after(() => fs.rmSync(work, { recursive: true, force: true }))

test('the platform vsix holds the bundles, the grammar and the SQLite driver, and nothing else', (t) => {
  t.diagnostic(`packed both in ${packSeconds.toFixed(1)} s, ${fs.statSync(vsix).size} bytes`)
  const names = entries.map((e) => e.name)
  assert.deepEqual(
    names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name))),
    [],
  )
  assert.deepEqual(
    REQUIRED.filter((name) => !names.includes(name)),
    [],
  )
  assert.ok(fs.statSync(vsix).size < MAX_VSIX_BYTES, `${fs.statSync(vsix).size} bytes`)
  const vsixManifest = fs.readFileSync(path.join(installed, 'extension.vsixmanifest'), 'utf8')
  assert.match(vsixManifest, new RegExp(`TargetPlatform="${target}"`))
})

test('the universal vsix is the same without the SQLite driver, for every platform', (t) => {
  t.diagnostic(`${fs.statSync(universalVsix).size} bytes`)
  const names = universalEntries.map((e) => e.name).sort()
  assert.deepEqual(
    names,
    entries
      .map((e) => e.name)
      .filter((name) => !DRIVER.test(name))
      .sort(),
  )
  assert.ok(names.length > 0)
  assert.doesNotMatch(
    fs.readFileSync(path.join(universal, 'extension.vsixmanifest'), 'utf8'),
    /TargetPlatform/,
  )
})

test('the manifest has what the Marketplace and Open VSX show: icon, repository, keywords, categories', () => {
  const packaged = JSON.parse(fs.readFileSync(path.join(installed, 'extension', 'package.json'), 'utf8'))
  assert.match(packaged.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/)
  assert.ok(packaged.keywords.length >= 5 && packaged.keywords.length <= 30)
  assert.ok(packaged.categories.includes('Linters'))
  // The icon: a PNG of at least 128x128 pixels (its IHDR chunk's width and height).
  const png = fs.readFileSync(path.join(installed, 'extension', packaged.icon))
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG')
  assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128)
  assert.match(
    fs.readFileSync(path.join(installed, 'extension', 'changelog.md'), 'utf8'),
    new RegExp(`## ${manifest.version.replace(/\./g, '\\.')}`),
  )
})

test('the packaged manifest is the repository one without its development fields', () => {
  const packaged = JSON.parse(fs.readFileSync(path.join(installed, 'extension', 'package.json'), 'utf8'))
  for (const field of ['scripts', 'dependencies', 'devDependencies', 'allowScripts'])
    assert.equal(packaged[field], undefined, field)
  assert.equal(packaged.version, manifest.version)
  assert.deepEqual(packaged.contributes, manifest.contributes)
  assert.ok(fs.existsSync(path.join(installed, 'extension', packaged.main)))
})

test('the unpacked extension checks the example app', (t) => {
  const app = path.join(work, 'blog')
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  t.after(() => fs.rmSync(app, { recursive: true, force: true }))
  const { status, output } = node([
    path.join(installed, 'extension', 'server', 'out', 'cli.js'),
    'check',
    app,
  ])
  assert.equal(status, 1, output)
  for (const code of ['LL103', 'LL201', 'LL304']) assert.match(output, new RegExp(`error ${code}:`))
  assert.match(output, /Found 3 errors and 0 warnings in 6 models/)
})

test('the unpacked extension previews a query against SQLite with its own driver', async (t) => {
  const app = path.join(work, 'blog-preview')
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  const db = path.join(work, 'blog.sqlite3')
  t.after(() => fs.rmSync(app, { recursive: true, force: true }))
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  const cli = path.join(installed, 'extension', 'server', 'out', 'cli.js')
  const preview = ['preview', '--project', app, '--db', db, 'User.query().limit(1)']
  const ran = node([cli, ...preview])
  assert.equal(ran.status, 0, ran.output)
  assert.match(ran.output, /select \* from `users` limit \?/)
  assert.match(ran.output, /user1@example\.com/)
  // The universal package has no driver, and none is near the database file: it says what to do.
  const without = node([path.join(universal, 'extension', 'server', 'out', 'cli.js'), ...preview])
  assert.equal(without.status, 2, without.output)
  assert.match(without.output, /Cannot load the SQLite driver better-sqlite3/)
  assert.match(
    without.output,
    new RegExp(`Node\\.js ${process.version.replace(/\./g, '\\.')} \\(${process.platform}-${process.arch}`),
  )
  assert.match(without.output, /Run `npm install` in the app/)
})

test('the universal package previews through the driver the app installed', async (t) => {
  const app = path.join(work, 'blog-own-driver')
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  t.after(() => fs.rmSync(app, { recursive: true, force: true }))
  // Where AdonisJS keeps it (config/database.ts: app.tmpPath('db.sqlite3')), so the app's
  // node_modules is the first place the driver is looked for.
  const db = path.join(app, 'tmp', 'db.sqlite3')
  fs.mkdirSync(path.dirname(db))
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  installDriver(path.join(app, 'node_modules'))
  const cli = path.join(universal, 'extension', 'server', 'out', 'cli.js')
  const ran = node([cli, 'preview', '--project', app, "User.query().preload('posts').limit(1)"])
  assert.equal(ran.status, 0, ran.output)
  assert.match(ran.output, /select \* from `posts` where `user_id` in \(\?\)/)
  assert.match(ran.output, /user1@example\.com/)
})

/** The runtime files of the repository's better-sqlite3 (built for this Node) as an app has them. */
function installDriver(nodeModules: string): void {
  let from = repoRoot
  for (const [name, parts] of DRIVER_FILES) {
    const source = path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }))
    for (const part of parts)
      fs.cpSync(path.join(source, part), path.join(nodeModules, name, part), { recursive: true })
    from = source
  }
}
