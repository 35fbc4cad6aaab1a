// Packs the built extension into dist/ (or `--out DIR`): a universal lucid-lens-<version>.vsix, which
// runs SQLite through the app's own better-sqlite3, and lucid-lens-<target>-<version>.vsix for this
// machine (`vsce package --target linux-x64`), which also carries the driver built here, for apps
// without one installed. `--target T` packs only the platform package (T must be this machine:
// a native binary is only built for the machine that builds it), `--universal` only the universal one.
// Run `npm run build` first: this script only collects the bundles, it never builds them.
//
// vsce runs in a staging folder that holds exactly what ships: the manifest without scripts and
// dependencies, the README, the CHANGELOG, the LICENSE, the icon, the grammar, the bundles with
// TypeScript's lib files, the webview assets and, in a platform package, the SQLite driver (the one
// native module the bundles load at run time). `--no-dependencies` makes vsce skip the staging
// folder's top-level node_modules, so the driver goes to server/out/node_modules, which is also the
// first place Node looks from server.js and cli.js after the app's own.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// Manifest fields for npm and development only; VS Code reads none of them.
const DEVELOPMENT_FIELDS = ['scripts', 'dependencies', 'devDependencies', 'allowScripts']

// The SQLite driver's files that load at run time, per package (plus its licence).
const NATIVE_DRIVER = [
  ['better-sqlite3', ['package.json', 'LICENSE', 'lib', 'build/Release/better_sqlite3.node']],
  ['bindings', ['package.json', 'LICENSE.md', 'bindings.js']],
  ['file-uri-to-path', ['package.json', 'LICENSE', 'index.js']],
]

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true })
  cpSync(from, to, { recursive: true })
}

function packageDir(name, from) {
  return dirname(createRequire(join(from, 'package.json')).resolve(`${name}/package.json`))
}

/** Relative images the README shows; VS Code resolves them inside the installed extension. */
function readmeImages(readme) {
  const links = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]*\ssrc="([^"]+)"/g)]
  return links.map((m) => m[1] ?? m[2]).filter((link) => !/^[a-z]+:|^#|^\/\//i.test(link))
}

/** vsce's name for this machine (`linux-x64`, `darwin-arm64`, `win32-x64`, `alpine-x64`...). */
function thisTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport().header.glibcVersionRuntime
  return `${musl ? 'alpine' : process.platform}-${process.arch}`
}

function stage(dir, target) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  for (const field of DEVELOPMENT_FIELDS) delete manifest[field]
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  // The folder already holds only what ships; this keeps vsce from warning that nothing is ignored.
  writeFileSync(join(dir, '.vscodeignore'), '**/*.map\n')

  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const files = [
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'syntaxes',
    'client/out/extension.js',
    ...readmeImages(readme),
  ]
  if (manifest.icon) files.push(manifest.icon)
  if (existsSync(join(root, 'client/media'))) files.push('client/media')
  for (const file of readdirSync(join(root, 'server/out')))
    if (file.endsWith('.js') || /^lib\..*\.d\.ts$/.test(file)) files.push(`server/out/${file}`)
  for (const file of files) copy(join(root, file), join(dir, file))
  if (target) stageDriver(dir)
}

function stageDriver(dir) {
  let from = root
  for (const [name, parts] of NATIVE_DRIVER) {
    const source = packageDir(name, from)
    for (const part of parts) copy(join(source, part), join(dir, 'server/out/node_modules', name, part))
    from = source
  }
}

function option(argv, name) {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}

/** Packs one .vsix: universal (`target` undefined) or for `target`. Returns its path. */
function pack(outDir, version, target) {
  const vsix = join(outDir, `lucid-lens-${target ? `${target}-` : ''}${version}.vsix`)
  const dir = mkdtempSync(join(tmpdir(), 'lucid-lens-vsix-'))
  let packed
  try {
    stage(dir, target)
    mkdirSync(outDir, { recursive: true })
    const vsce = join(packageDir('@vscode/vsce', root), 'vsce')
    // The README's relative links (screenshots, sections) stay as they are, resolved in the package.
    const args = ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]
    if (target) args.push('--target', target)
    packed = spawnSync(process.execPath, [vsce, ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (packed.status !== 0) {
    console.error(packed.stdout, packed.stderr)
    process.exit(1)
  }
  return vsix
}

const bundles = [
  'client/out/extension.js',
  'server/out/server.js',
  'server/out/cli.js',
  'server/out/database-drivers.js',
]
const missing = bundles.filter((file) => !existsSync(join(root, file)))
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`)
  process.exit(1)
}

const argv = process.argv.slice(2)
const outDir = resolve(option(argv, '--out') ?? join(root, 'dist'))
const target = option(argv, '--target')
if (target !== undefined && target !== thisTarget()) {
  console.error(
    `--target ${target}: this machine is ${thisTarget()}, and its SQLite driver is built for it. ` +
      `Pack a ${target} package on a ${target} machine.`,
  )
  process.exit(1)
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const targets = target ? [target] : argv.includes('--universal') ? [undefined] : [undefined, thisTarget()]
for (const each of targets) {
  const started = performance.now()
  const vsix = pack(outDir, version, each)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const megabytes = (statSync(vsix).size / 1024 / 1024).toFixed(1)
  console.log(`Packed ${vsix} (${megabytes} MB) in ${seconds} s`)
}
