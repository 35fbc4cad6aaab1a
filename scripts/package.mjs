// Packs the built extension into dist/lucid-lens-<version>.vsix (or `--out DIR`). Run `npm run build`
// first: this script only collects the bundles, it never builds them.
//
// vsce runs in a staging folder that holds exactly what ships: the manifest without scripts and
// dependencies, the README, the LICENSE, the grammar, the bundles with TypeScript's lib files, the
// webview assets and the SQLite driver (the one native module the bundles load at run time).
// `--no-dependencies` makes vsce skip the staging folder's top-level node_modules, so the driver goes
// to server/out/node_modules, which is also the first place Node looks from server.js and cli.js.
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

function stage(dir) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  for (const field of DEVELOPMENT_FIELDS) delete manifest[field]
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  // The folder already holds only what ships; this keeps vsce from warning that nothing is ignored.
  writeFileSync(join(dir, '.vscodeignore'), '**/*.map\n')

  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const files = ['README.md', 'LICENSE', 'syntaxes', 'client/out/extension.js', ...readmeImages(readme)]
  if (manifest.icon) files.push(manifest.icon)
  if (existsSync(join(root, 'client/media'))) files.push('client/media')
  for (const file of readdirSync(join(root, 'server/out')))
    if (file.endsWith('.js') || /^lib\..*\.d\.ts$/.test(file)) files.push(`server/out/${file}`)
  for (const file of files) copy(join(root, file), join(dir, file))

  let from = root
  for (const [name, parts] of NATIVE_DRIVER) {
    const source = packageDir(name, from)
    for (const part of parts) copy(join(source, part), join(dir, 'server/out/node_modules', name, part))
    from = source
  }
}

function parseOut(argv) {
  const i = argv.indexOf('--out')
  return resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(root, 'dist'))
}

const bundles = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js']
const missing = bundles.filter((file) => !existsSync(join(root, file)))
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`)
  process.exit(1)
}

const started = performance.now()
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const outDir = parseOut(process.argv.slice(2))
const vsix = join(outDir, `lucid-lens-${version}.vsix`)
const dir = mkdtempSync(join(tmpdir(), 'lucid-lens-vsix-'))
let packed
try {
  stage(dir)
  mkdirSync(outDir, { recursive: true })
  const vsce = join(packageDir('@vscode/vsce', root), 'vsce')
  // No repository field: the README's relative links stay as they are instead of failing the pack.
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links']
  packed = spawnSync(process.execPath, [vsce, ...args, '--out', vsix], {
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
const seconds = ((performance.now() - started) / 1000).toFixed(1)
const megabytes = (statSync(vsix).size / 1024 / 1024).toFixed(1)
console.log(`Packed ${vsix} (${megabytes} MB) in ${seconds} s`)
