// The bundled CLI keeps knex, pg and mysql2 in server/out/database-drivers.js and loads that file
// only where a database is read: `check` and `graph` run without it, `preview` loads it.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import { createDriftApp } from '../analysis/drift-app'
import { repoRoot } from '../support/paths'
import type { TempApp } from '../support/temp-app'

const cli = path.join(repoRoot, 'server', 'out', 'cli.js')
let app: TempApp & { db: string }
let work: string
let hook: string

before(() => {
  assert.ok(fs.existsSync(cli), 'run `npm run build` first')
  app = createDriftApp()
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-drivers-'))
  // Preloaded into every process the command starts (the SQLite preview runs in a child process):
  // it writes down each require of the drivers file or of a driver package.
  hook = path.join(work, 'hook.js')
  fs.writeFileSync(
    hook,
    `const Module = require('node:module')
const fs = require('node:fs')
const load = Module._load
Module._load = function (request, ...rest) {
  if (/database-drivers|^(knex|pg|mysql2)$/.test(request)) fs.appendFileSync(process.env.DRIVER_LOG, request + '\\n')
  return load.call(this, request, ...rest)
}
`,
  )
})
after(() => {
  app.remove()
  fs.rmSync(work, { recursive: true, force: true })
})

/** Runs the bundled CLI; `loaded` is every driver require any of its processes made. */
function run(...args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const log = path.join(work, `log-${Math.random().toString(36).slice(2)}.txt`)
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(hook)}`, DRIVER_LOG: log },
  })
  const loaded = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  return { status: result.status, stdout: result.stdout, loaded }
}

test('check and graph never load the database drivers', () => {
  const check = run('check', app.root)
  assert.equal(check.status, 0, check.stdout)
  assert.match(check.stdout, /LL405/)
  assert.deepEqual(check.loaded, [])
  const graph = run('graph', app.root, '--format', 'json')
  assert.equal(graph.status, 0, graph.stdout)
  assert.ok(JSON.parse(graph.stdout))
  assert.deepEqual(graph.loaded, [])
})

test('check --db on SQLite reads the schema without them', () => {
  const check = run('check', app.root, '--db', app.db)
  assert.equal(check.status, 1, check.stdout)
  assert.match(check.stdout, /according to the database/)
  assert.deepEqual(check.loaded, [])
})

test('preview loads them from beside the bundle and runs', () => {
  const preview = run('preview', '--project', app.root, 'User.query().limit(1)')
  assert.equal(preview.status, 0, preview.stdout)
  assert.match(preview.stdout, /select \* from `users` limit \?/)
  assert.deepEqual(preview.loaded, ['./database-drivers.js'])
})

test('the CLI, server and preview bundles hold no driver code; database-drivers.js does', () => {
  const driverCode = /^\/\/ .*node_modules\/(knex|pg|mysql2)\//m
  for (const bundle of ['cli.js', 'server.js', 'preview-worker.js']) {
    const text = fs.readFileSync(path.join(repoRoot, 'server', 'out', bundle), 'utf8')
    assert.doesNotMatch(text, driverCode, bundle)
  }
  const drivers = fs.readFileSync(path.join(repoRoot, 'server', 'out', 'database-drivers.js'), 'utf8')
  for (const name of ['knex', 'pg', 'mysql2'])
    assert.match(drivers, new RegExp(`^// .*node_modules/${name}/`, 'm'), name)
})
