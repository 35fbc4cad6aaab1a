// LL405's quick fix over JSON-RPC: a new migration in the app's migrations folder, named as
// `node ace make:migration comments --alter` names it, whose up() indexes the column. Applied as an
// editor applies it (the file is created, then filled), the migrations give the index and LL405 goes.
// Clients that cannot create files in a workspace edit are not offered it.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import type { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver/node'
import { findingStart } from '../../client/src/finding-start'
import { uriToPath } from '../../server/src/features/uri'
import { MODELS_REQUEST, type ModelsResult } from '../../server/src/protocol'
import { codesOf } from '../support/lsp-harness'
import { fixesAt, fixtureSession } from './fix-runner'

const creates = fixtureSession('schema-app', {
  workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
})
const renamesOnly = fixtureSession('schema-app', {
  workspaceEdit: { documentChanges: true, resourceOperations: ['rename', 'delete'] },
})

const TITLE = 'Add a migration indexing comments.author_id'

const V6_MIGRATION = `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'comments'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['author_id'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['author_id'])
    })
  }
}
`

async function indexFix(session: typeof creates): Promise<{ uri: string; action?: CodeAction }> {
  const { uri, fixes } = await fixesAt(session, 'app/models/user.ts', 'LL405', 35)
  return { uri, action: fixes.find((a) => a.title === TITLE) }
}

test('LL405 offers a new migration in database/migrations named like make:migration --alter', async () => {
  const from = Date.now()
  const { action } = await indexFix(creates)
  assert.ok(action, TITLE)
  assert.equal(action.kind, 'quickfix')
  assert.deepEqual(
    action.diagnostics?.map((d) => d.code),
    ['LL405'],
  )
  const [create, fill, ...rest] = action.edit?.documentChanges ?? []
  assert.equal(rest.length, 0)
  const file = uriToPath((create as CreateFile).uri) ?? ''
  assert.equal((create as CreateFile).kind, 'create')
  assert.deepEqual((create as CreateFile).options, { overwrite: false, ignoreIfExists: false })
  assert.equal(path.dirname(file), creates.app.file('database/migrations'))
  const match = /^(\d{13})_alter_comments_table\.ts$/.exec(path.basename(file))
  assert.ok(match, path.basename(file))
  assert.ok(Number(match[1]) >= from && Number(match[1]) <= Date.now(), 'a timestamp of now, in ms')
  const edit = fill as TextDocumentEdit
  assert.equal(edit.textDocument.uri, (create as CreateFile).uri)
  assert.deepEqual(
    edit.edits.map((e) => [e.range, 'newText' in e ? e.newText : undefined]),
    [[{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, V6_MIGRATION]],
  )
})

test('applied, the new migration indexes comments.author_id: LL405 goes and nothing else changes', async () => {
  const { uri, action } = await indexFix(creates)
  assert.ok(action, TITLE)
  await creates.run.applyAndRecheck(uri, 'LL405', action)
})

test('the fix is undone with the file: LL405 is back', async () => {
  const { uri } = await indexFix(creates)
  assert.deepEqual(codesOf(await creates.lsp.pull(uri)), ['LL403', 'LL404', 'LL405'])
})

test('a client that cannot create files in a workspace edit is not offered the migration', async () => {
  const { action } = await indexFix(renamesOnly)
  assert.equal(action, undefined)
})

test('a plan\'s "Show User.comments" finds LL405 where the models request says, and the fix there', async () => {
  // The preview panel's link asks the models request where the relation's LL405 starts (see
  // client/src/show-relation.ts), puts the cursor there and opens the quick fixes.
  const uri = await creates.run.open(creates.app.file('app/models/user.ts'))
  const result: ModelsResult = await creates.lsp.client.sendRequest(MODELS_REQUEST, { uri })
  const user = result.apps[0]?.models.find((m) => m.name === 'User')
  assert.ok(user)
  const start = findingStart(user, 'comments', 'LL405')
  assert.deepEqual(start, { code: 'LL405', line: 34, character: 40 })
  assert.equal(findingStart(user, 'posts', 'LL405'), undefined, 'posts.user_id is indexed')
  const at = { line: start.line, character: start.character }
  const actions = await creates.run.actions(uri, { start: at, end: at }, [], ['quickfix'])
  assert.deepEqual(
    actions.map((a) => a.title),
    [TITLE],
  )
})
