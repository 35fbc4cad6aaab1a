// The relation hover's columns block: each key's column type and whether the column every preload
// filters on is indexed, from the schema the checks use (the live database once read, else the
// migrations), named the same way as the findings.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import type { Diagnostic } from 'vscode-languageserver/node'
import { createDriftApp } from '../analysis/drift-app'
import { codesOf, LspHarness } from '../support/lsp-harness'
import { repoRoot } from '../support/paths'
import { copyFixture } from '../support/temp-app'

async function hover(lsp: LspHarness, uri: string, line: number, character: number): Promise<string> {
  const result = (await lsp.client.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line, character },
  })) as { contents: { value: string } } | null
  return result?.contents.value ?? ''
}

test('from the live database: key types and the index the lookup uses', { timeout: 20_000 }, async (t) => {
  const app = createDriftApp()
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(app.file('app/models/user.ts'))
  // Wait until the database has been read (its findings replace the migrations' ones).
  for (let seen: Diagnostic[] = []; !codesOf(seen).includes('LL403');) {
    const refreshed = new Promise<void>((resolve) =>
      lsp.client.onRequest('workspace/diagnostic/refresh', () => {
        resolve()
        return null
      }),
    )
    seen = await lsp.pull(uri)
    if (!codesOf(seen).includes('LL403')) await refreshed
  }
  // Line 16 is `@hasMany(() => Post)`: hover the decorator name.
  const card = await hover(lsp, uri, 15, 4)
  assert.ok(
    card.includes(
      'Columns according to the database (sqlite tmp/db.sqlite3):\n' +
        '- localKey `users.id`: integer, primary key\n' +
        '- foreignKey `posts.user_id`: string (`varchar(36)`), indexed (`posts_user_id_index`)',
    ),
    card,
  )
  // User.comments (line 19): its foreign key's column is not in the database.
  const comments = await hover(lsp, uri, 18, 4)
  assert.ok(comments.includes('- foreignKey `comments.author_id`: no such column'), comments)
})

test('from the migrations: an unindexed lookup column says what every preload runs', async (t) => {
  const app = copyFixture('schema-app')
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(app.file('app/models/user.ts'))
  // Line 35 is `@hasMany(() => Comment, { foreignKey: 'authorId' })`.
  const card = await hover(lsp, uri, 34, 4)
  assert.ok(
    card.includes(
      'Columns according to database/migrations:\n' +
        '- localKey `users.id`: integer (`increments`), primary key\n' +
        '- foreignKey `comments.author_id`: integer, **not indexed**: every preload runs `where author_id in (...)`',
    ),
    card,
  )
})

test('a belongsTo key that is not a column keeps its line and says so', async (t) => {
  const app = copyFixture('schema-app')
  const file = app.file('app/models/comment.ts')
  const source = fs.readFileSync(file, 'utf8')
  fs.writeFileSync(file, source.replace("{ foreignKey: 'authorId' }", "{ foreignKey: 'writerId' }"))
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(file)
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const line = lines.findIndex((text) => text.includes("foreignKey: 'writerId'"))
  const card = await hover(lsp, uri, line, 4)
  assert.ok(
    card.includes(
      'Columns according to database/migrations:\n' +
        '- localKey `users.id`: integer (`increments`), primary key, indexed (`users_id_pkey`)\n' +
        '- foreignKey `Comment.writerId`: not a column of Comment',
    ),
    card,
  )
  assert.ok(card.includes('| foreignKey | `Comment.writerId` | not a column of Comment |'), card)
})

test('manyToMany: its keys and the pivot table’s key columns, the one a preload filters on indexed', async (t) => {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-hover-pivot-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), app, { recursive: true })
  fs.rmSync(path.join(app, 'tmp'), { recursive: true, force: true })
  const lsp = await LspHarness.start({ pull: true, rootPath: app })
  t.after(async () => {
    await lsp.stop()
    fs.rmSync(app, { recursive: true, force: true })
  })
  const file = path.join(app, 'app', 'models', 'post.ts')
  const uri = await lsp.open(file)
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((text) => text.includes('declare tags'))
  const card = await hover(lsp, uri, line, 12)
  assert.ok(card.includes('Columns according to database/migrations:\n'), card)
  for (const expected of [
    '- localKey `posts.id`: integer (`increments`), primary key',
    '- relatedKey `tags.id`: integer (`increments`), primary key',
    '- pivotForeignKey `post_tag.post_id`: integer, indexed',
    '- pivotRelatedForeignKey `post_tag.tag_id`: integer',
  ])
    assert.ok(card.includes(expected), `${expected}\n---\n${card}`)
})
test('migrations of part of the database: the card claims no missing table, column or index', async (t) => {
  const app = copyFixture('shared-db-app')
  const lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  t.after(async () => {
    await lsp.stop()
    app.remove()
  })
  const uri = await lsp.open(app.file('app/models/invoice.ts'))
  // Line 38 is `@belongsTo(() => User)`: users comes from the main app's migrations.
  const user = await hover(lsp, uri, 37, 4)
  assert.ok(user.includes('Columns according to database/migrations:\n- foreignKey `invoices.user_id`'), user)
  assert.ok(!user.includes('no table'), user)
  // Line 44 is `@hasMany(() => LineItem)`: line_items.invoice_id has no index in these migrations.
  const items = await hover(lsp, uri, 43, 4)
  assert.ok(items.includes('- foreignKey `line_items.invoice_id`: integer'), items)
  assert.ok(!items.includes('not indexed'), items)
})
