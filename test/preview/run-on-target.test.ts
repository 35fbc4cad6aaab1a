// The one preview path of the CLI and the editor on SQLite: a process per preview, engine failures
// carried back with the statements that ran, and the bundled entry beside server/out/cli.js.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before, test } from 'node:test'
import ts from 'typescript'
import { PreviewError } from '../../engine/src/query/errors'
import { buildModelGraph } from '../../server/src/analysis'
import { planFromCode } from '../../server/src/preview/plan-from-code'
import { runOnTarget } from '../../server/src/preview/run-on-target'
import { ProjectService } from '../../server/src/project/project-service'
import { repoRoot } from '../support/paths'

let app: string
let file: string

before(async () => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-run-on-target-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  file = path.join(app, 'tmp', 'db.sqlite3')
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(file)
})
after(() => fs.rmSync(app, { recursive: true, force: true }))

function graph() {
  const [project] = new ProjectService(ts).discover(app)
  assert.ok(project)
  return buildModelGraph(project.index())
}

async function failure(run: Promise<unknown>): Promise<PreviewError> {
  try {
    await run
  } catch (error) {
    assert.ok(error instanceof PreviewError, String(error))
    return error
  }
  throw new Error('expected the preview to fail')
}

test('an engine failure comes back as a PreviewError with the statements, the failing one last', async () => {
  const target = { kind: 'sqlite' as const, file }
  const plan = planFromCode("User.findOrFail(1).related('posts').query().where('nope', 1)")
  const error = await failure(runOnTarget(graph(), plan, target, {}))
  assert.equal(error.code, 'E_NO_SUCH_COLUMN')
  assert.match(error.message, /no such column: nope/)
  assert.deepEqual(
    error.statements.map((s) => s.sql),
    [
      'select * from `users` where `id` = ? limit ?',
      'select * from `posts` where (`nope` = ?) and (`user_id` = ?)',
    ],
  )
})

test('a read-only preview refuses a write unless dry runs are allowed', async () => {
  const plan = planFromCode("Post.query().where('id', 1).update({ title: 'x' })")
  const target = { kind: 'sqlite' as const, file }
  assert.equal((await failure(runOnTarget(graph(), plan, target, {}))).code, 'E_READ_ONLY')
  const dry = await runOnTarget(graph(), plan, target, { dryRun: true })
  assert.equal(dry.dryRun, true)
})

test('an aborted signal stops the preview before it starts', async () => {
  const controller = new AbortController()
  controller.abort()
  const plan = planFromCode('User.query()')
  const run = runOnTarget(graph(), plan, { kind: 'sqlite', file }, { signal: controller.signal })
  assert.equal((await failure(run)).code, 'E_CANCELLED')
})

test('the bundled CLI runs SQLite previews in the bundled worker beside it', () => {
  const cli = path.join(repoRoot, 'server', 'out', 'cli.js')
  assert.ok(
    fs.existsSync(path.join(repoRoot, 'server', 'out', 'preview-worker.js')),
    'run `npm run build` first',
  )
  const out = spawnSync(
    process.execPath,
    [cli, 'preview', '--project', app, '--json', 'User.query().limit(1)'],
    {
      cwd: os.tmpdir(),
      encoding: 'utf8',
    },
  )
  assert.equal(out.status, 0, out.stdout + out.stderr)
  assert.equal(JSON.parse(out.stdout).statements[0].sql, 'select * from `users` limit ?')
})
