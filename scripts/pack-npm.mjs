// Packs the built CLI and language server into dist/lucid-lens-<version>.tgz (or `--out DIR`), the
// `lucid-lens` npm package. Run `npm run build` first: this script only collects the bundles.
//
// The repository's package.json is the VS Code extension's manifest (private, with the extension's
// dependencies), so the npm package gets a package.json of its own, generated here: the bin, the
// files that run (the four bundles and TypeScript's lib files, which the bundled compiler reads from
// beside it), no dependencies (everything but the SQLite driver is bundled, and the driver is the app's
// own: an optional peer dependency), engines, license and a README. `npm pack` runs in dist/npm/.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BUNDLES = [
  'server/out/cli.js',
  'server/out/server.js',
  'server/out/preview-worker.js',
  'server/out/database-drivers.js',
]

/** The npm manifest, from the extension's: the same name, version, license, engines and links. */
function npmManifest(extension) {
  return {
    name: extension.name,
    version: extension.version,
    description:
      'Checks AdonisJS Lucid model relations (keys, relation names, schema) and previews Lucid queries against the development database: a CLI and a language server.',
    keywords: [
      'adonisjs',
      'lucid',
      'orm',
      'lint',
      'language-server',
      'sarif',
      'sqlite',
      'postgresql',
      'mysql',
    ],
    license: extension.license,
    repository: extension.repository,
    homepage: extension.homepage,
    bugs: extension.bugs,
    bin: { 'lucid-lens': 'server/out/cli.js' },
    files: ['server/out/*.js', 'server/out/lib.*.d.ts'],
    engines: { node: extension.engines.node },
    // SQLite previews and schema reads use the app's own better-sqlite3 (built for its Node.js).
    peerDependencies: { 'better-sqlite3': '>=9' },
    peerDependenciesMeta: { 'better-sqlite3': { optional: true } },
  }
}

function stage(dir) {
  const extension = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const manifest = npmManifest(extension)
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  cpSync(join(root, 'LICENSE'), join(dir, 'LICENSE'))
  cpSync(join(root, 'docs', 'npm', 'README.md'), join(dir, 'README.md'))
  mkdirSync(join(dir, 'server', 'out'), { recursive: true })
  for (const file of readdirSync(join(root, 'server', 'out')))
    if (/^[\w-]+\.js$/.test(file) || /^lib\..*\.d\.ts$/.test(file))
      cpSync(join(root, 'server', 'out', file), join(dir, 'server', 'out', file))
  return manifest
}

function parseOut(argv) {
  const i = argv.indexOf('--out')
  return resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(root, 'dist'))
}

const missing = BUNDLES.filter((file) => !existsSync(join(root, file)))
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`)
  process.exit(1)
}
const outDir = parseOut(process.argv.slice(2))
const dir = join(outDir, 'npm')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const manifest = stage(dir)
// Only this folder's package.json counts: npm's variables from an outer `npm run` stay out.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--loglevel=error'], { cwd: dir, env, encoding: 'utf8' }),
)[0]
const tarball = join(outDir, packed.filename)
renameSync(join(dir, packed.filename), tarball)
const megabytes = (statSync(tarball).size / 1024 / 1024).toFixed(1)
console.log(`Packed ${tarball} (${megabytes} MB, ${packed.entryCount} files, ${manifest.version})`)
