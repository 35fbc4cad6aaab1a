// Bundles the language server and the extension into single files so that
// `node server/out/server.js --stdio` runs from any directory without node_modules.
import { build } from 'esbuild'
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

// better-sqlite3 is a native addon and loads from node_modules at run time; the others are knex
// dialects Lucid Lens does not use, which knex only requires when such a client is created.
const external = [
  'better-sqlite3',
  'sqlite3',
  'tedious',
  'mysql',
  'mariadb',
  'oracledb',
  'pg-native',
  'pg-query-stream',
]

// knex, pg and mysql2 (engine/src/connection/driver-modules.ts) go into a file of their own, loaded
// only by the code paths that read a database: `check` and `graph` never compile or initialise them.
const DRIVERS = 'database-drivers.js'
const separateDrivers = {
  name: 'separate-database-drivers',
  setup(build) {
    build.onResolve({ filter: /^\.\/driver-modules$/ }, () => ({ path: `./${DRIVERS}`, external: true }))
  },
}

const common = {
  external,
  plugins: [separateDrivers],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
}

await Promise.all([
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js' }),
  build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // SQLite previews run in a worker thread, loaded from beside server.js and cli.js.
  build({
    ...common,
    entryPoints: ['server/src/preview/preview-worker.ts'],
    outfile: 'server/out/preview-worker.js',
  }),
  build({
    ...common,
    plugins: [],
    entryPoints: ['engine/src/connection/driver-modules.ts'],
    outfile: `server/out/${DRIVERS}`,
  }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: [...external, 'vscode'],
  }),
])

// TypeScript is bundled, so it looks for its lib.*.d.ts next to the bundle.
const tsLib = dirname(createRequire(import.meta.url).resolve('typescript'))
mkdirSync('server/out', { recursive: true })
for (const file of readdirSync(tsLib))
  if (/^lib\..*\.d\.ts$/.test(file)) copyFileSync(join(tsLib, file), join('server/out', file))
chmodSync('server/out/cli.js', 0o755)
