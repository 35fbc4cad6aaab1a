// The example app copied with its seeded SQLite database and a view that never finishes, served by
// one pull-mode server: what the preview request tests (preview-requests, preview-problems) share.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { after, before } from 'node:test'
import Database from 'better-sqlite3'
import { pathToUri } from '../../server/src/features/uri'
import { PREVIEW_REQUEST, type PreviewAnswer, type PreviewParams } from '../../server/src/protocol'
import { LspHarness } from './lsp-harness'
import { repoRoot } from './paths'

const SLOW_MODEL = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SlowNumber extends BaseModel {
  static table = 'slow_numbers'

  @column({ isPrimary: true })
  declare id: number
}
`

/** A view whose first row takes minutes: one SQLite step that only killing its process stops. */
const SLOW_VIEW =
  'create view slow_numbers as with recursive c(x) as (select 1 union all select x + 1 from c) ' +
  'select x as id from c where x % 1000000000000 = 0'

interface SeededBlog {
  app: string
  db: string
  lsp: LspHarness
  userUri: string
}

async function openSeededBlog(): Promise<SeededBlog> {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-lsp-preview-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  const db = path.join(app, 'tmp', 'db.sqlite3')
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(db)
  fs.writeFileSync(path.join(app, 'app', 'models', 'slow_number.ts'), SLOW_MODEL)
  const handle = new Database(db)
  handle.exec(SLOW_VIEW)
  handle.close()
  const lsp = await LspHarness.start({ pull: true, rootPath: app, settings: {} })
  return { app, db, lsp, userUri: pathToUri(path.join(app, 'app', 'models', 'user.ts')) }
}

async function closeSeededBlog(blog: SeededBlog): Promise<void> {
  await blog.lsp.stop()
  fs.rmSync(blog.app, { recursive: true, force: true })
}

/** The database file's hash: a preview must leave every byte as it was. */
function checksumOf(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

function previewOn(
  harness: LspHarness,
  uri: string,
  params: Omit<PreviewParams, 'uri'>,
): Promise<PreviewAnswer> {
  return harness.client.sendRequest(PREVIEW_REQUEST, { uri, ...params })
}

/** A SQL-only answer (no database), its statements' SQL only. */
export function sqlOf(answer: PreviewAnswer) {
  assert.equal(answer.kind, 'sql', JSON.stringify(answer))
  const { dialect, statements, message, hint, code } = answer as Extract<PreviewAnswer, { kind: 'sql' }>
  return {
    dialect,
    sql: statements.map((s) => s.sql),
    message,
    ...(hint ? { hint } : {}),
    ...(code ? { code } : {}),
  }
}

export function result(answer: PreviewAnswer): Extract<PreviewAnswer, { kind: 'result' }> {
  assert.equal(answer.kind, 'result', JSON.stringify(answer))
  return answer as Extract<PreviewAnswer, { kind: 'result' }>
}

/** What a test file of the seeded example uses; filled in by the file's before hook. */
export interface SeededBlogSuite extends SeededBlog {
  checksum(): string
  preview(params: Omit<PreviewParams, 'uri'>, harness?: LspHarness): Promise<PreviewAnswer>
}

/** Registers the file's before and after hooks: one seeded copy of the example and its server. */
export function useSeededBlog(): SeededBlogSuite {
  const suite = {
    checksum: () => checksumOf(suite.db),
    preview: (params: Omit<PreviewParams, 'uri'>, harness?: LspHarness) =>
      previewOn(harness ?? suite.lsp, suite.userUri, params),
  } as SeededBlogSuite
  before(async () => {
    Object.assign(suite, await openSeededBlog())
  })
  after(() => closeSeededBlog(suite))
  return suite
}
