// better-sqlite3 objects that the garbage collector finalizes outside a JavaScript context abort
// Node.js 24.21 (node::ObjectWrap's cleanup hook finds no environment: SIGABRT). The drivers Lucid
// Lens loads keep every object they make reachable (engine/src/connection/sqlite-keep-alive.ts).
// Here each Node.js the package tier installs runs a process that makes and drops many databases,
// statements and iterators through that loader, then forces collections of both kinds: one from
// allocation and one at idle. The driver is the app's, built for that Node (scripts/node-runtimes.mjs).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, test } from 'node:test'
import { repoRoot } from '../support/paths'

interface Runtime {
  version: string
  nodeBin: string
  sqliteModules: string
}

const home = process.env['LUCID_LENS_E2E_HOME'] || path.join(repoRoot, '.e2e')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-sqlite-gc-'))
after(() => fs.rmSync(work, { recursive: true, force: true }))

function runtimes(): Runtime[] {
  const file = path.join(home, 'runtimes.json')
  if (!fs.existsSync(file))
    throw new Error(`No Node.js 22/24 in ${home}: run \`node scripts/node-runtimes.mjs\` (npm test does).`)
  const own = {
    version: process.versions.node,
    nodeBin: process.execPath,
    sqliteModules: path.join(repoRoot, 'node_modules'),
  }
  return [own, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as { runtimes: Runtime[] }).runtimes]
}

// What a preview process and the language server do with the driver, many times over; then garbage
// is made until the collector runs, and the process waits for the idle-time collector.
const CHURN = `
const engine = (file) => require(${JSON.stringify(path.join(repoRoot, 'build', 'engine', 'src'))} + file)
const { loadSqliteDriver } = engine('/connection/load-sqlite-driver')
const { keptSqliteObjects } = engine('/connection/sqlite-keep-alive')
const { introspectSqlite, sqliteSchemaVersion } = engine('/introspect/sqlite')
const file = process.argv[1]
const Driver = loadSqliteDriver(file)
const setup = new Driver(file)
setup.exec('create table posts (id integer primary key, title text)')
setup.prepare('insert into posts (title) values (?)').run('first')
setup.close()
;(async () => {
  for (let i = 0; i < 200; i++) {
    const db = new Driver(file, { readonly: true, fileMustExist: true })
    db.pragma('query_only = ON')
    db.prepare('select * from posts where id = ?').get(1)
    for (const row of db.prepare('select * from posts').iterate()) void row
    db.close()
    await sqliteSchemaVersion(file)
    await introspectSqlite(file)
  }
  let garbage = []
  for (let i = 0; i < 3e6; i++) garbage.push({ i })
  garbage = undefined
  setTimeout(() => console.log('done, objects kept: ' + keptSqliteObjects()), 2000)
})()
`

for (const major of [20, 22, 24]) {
  test(`Node.js ${major}: databases, statements and iterators dropped by the thousand never abort the process`, (t) => {
    const runtime = runtimes().find((r) => r.version.startsWith(`${major}.`))
    assert.ok(runtime, `Node.js ${major} is installed (${home}/runtimes.json)`)
    // The driver is found from the database's folder, as an app's is.
    const app = path.join(work, `node${major}`)
    fs.mkdirSync(app)
    fs.symlinkSync(runtime.sqliteModules, path.join(app, 'node_modules'), 'dir')
    const result = spawnSync(runtime.nodeBin, ['-e', CHURN, path.join(app, 'db.sqlite3')], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    const output = `${result.stdout}${result.stderr}`
    assert.equal(result.signal, null, output)
    assert.equal(result.status, 0, output)
    // 200 rounds of 4 statements, an iterator and a database, and the catalog reads' few.
    const kept = Number(/objects kept: (\d+)/.exec(output)?.[1])
    t.diagnostic(`${kept} objects kept`)
    assert.ok(kept >= 1000 && kept < 1100, output)
  })
}
