// The example app copied with its seeded SQLite database and a view that never finishes, served by
// one pull-mode server: what the preview request tests (preview-requests, preview-problems) share.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { after, before, type TestContext } from 'node:test'
import Database from 'better-sqlite3'
import { pathToUri } from '../../server/src/features/uri'
import { PREVIEW_REQUEST, type PreviewAnswer, type PreviewParams } from '../../server/src/protocol'
import { LspHarness, type HarnessOptions } from './lsp-harness'
import { copyBlogApp } from './blog-app'
import type { TempApp } from './temp-app'

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
  copy: TempApp
}

async function openSeededBlog(): Promise<SeededBlog> {
  const copy = await copyBlogApp({ database: true })
  const db = copy.file('tmp/db.sqlite3')
  copy.write('app/models/slow_number.ts', SLOW_MODEL)
  const handle = new Database(db)
  handle.exec(SLOW_VIEW)
  handle.close()
  const lsp = await LspHarness.start({ pull: true, rootPath: copy.root, settings: {} })
  return { app: copy.root, db, lsp, userUri: pathToUri(copy.file('app/models/user.ts')), copy }
}

async function closeSeededBlog(blog: SeededBlog): Promise<void> {
  await blog.lsp.stop()
  blog.copy.remove()
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
  /** One more server on the same copy with other settings, stopped when the test ends. */
  serverWith(t: TestContext, settings: HarnessOptions['settings']): Promise<LspHarness>
}

/** Registers the file's before and after hooks: one seeded copy of the example and its server. */
export function useSeededBlog(): SeededBlogSuite {
  const suite = {
    checksum: () => checksumOf(suite.db),
    preview: (params: Omit<PreviewParams, 'uri'>, harness?: LspHarness) =>
      previewOn(harness ?? suite.lsp, suite.userUri, params),
    serverWith: async (t: TestContext, settings: HarnessOptions['settings']) => {
      const harness = await LspHarness.start({ pull: true, rootPath: suite.app, settings })
      t.after(() => harness.stop())
      return harness
    },
  } as SeededBlogSuite
  before(async () => {
    Object.assign(suite, await openSeededBlog())
  })
  after(() => closeSeededBlog(suite))
  return suite
}
