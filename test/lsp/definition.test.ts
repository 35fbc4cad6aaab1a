// Go to definition and find references over JSON-RPC: from key strings, relation-name strings and
// a relation callback's model; Location[] for plain clients, LocationLink[] for link-aware ones.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { after, before, test } from 'node:test'
import {
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Location,
  type LocationLink,
  type ProtocolConnection,
} from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { startServer } from '../../server/src/server'
import { LspHarness } from '../support/lsp-harness'
import type { TempApp } from '../support/temp-app'
import { createNavigationApp, FILES, positionOf, type AppFile } from './navigation-app'

let app: TempApp
let lsp: LspHarness

before(async () => {
  app = createNavigationApp()
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
})
after(async () => {
  await lsp.stop()
  app.remove()
})

const uriOf = (file: AppFile) => pathToUri(app.file(file))

/** `file:line:startChar-endChar` for compact comparisons. */
function short(l: Location): string {
  const file = Object.keys(FILES).find((f) => uriOf(f as AppFile) === l.uri) ?? l.uri
  return `${file}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`
}

async function definition(file: AppFile, needle: string, delta = 1, nth = 0): Promise<string[] | null> {
  const uri = await lsp.open(app.file(file))
  const result = (await lsp.client.sendRequest('textDocument/definition', {
    textDocument: { uri },
    position: positionOf(FILES[file], needle, delta, nth),
  })) as Location[] | null
  return result && result.map(short)
}

const POST_AUTHOR_ID = 'app/models/post.ts:10:10-18'
const USER_POSTS = 'app/models/user.ts:12:10-15'

test('a key string leads to the property on the model that must own it', async () => {
  assert.deepEqual(await definition('app/models/user.ts', "foreignKey: 'authorId'", 15), [POST_AUTHOR_ID])
  assert.deepEqual(await definition('app/models/post.ts', "localKey: 'authorId'", 13), [POST_AUTHOR_ID])
  // belongsTo keeps its foreign key on the parent.
  assert.deepEqual(await definition('app/models/post.ts', "foreignKey: 'authorId'", 13), [POST_AUTHOR_ID])
  // Tag's localKey is Tag's own authorId, not Post's.
  assert.deepEqual(await definition('app/models/tag.ts', "localKey: 'authorId'", 12), [
    'app/models/tag.ts:9:10-18',
  ])
})

test('a key naming a property without @column still leads to it', async () => {
  const fileName = app.file('app/models/team.ts')
  const text = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import Post from '#models/post'

export default class Team extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  declare legacyId: number

  @hasMany(() => Post, { localKey: 'legacyId', foreignKey: 'authorId' })
  declare posts: unknown
}
`
  const uri = await lsp.open(fileName, text)
  try {
    const result = (await lsp.client.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(text, "'legacyId'", 3),
    })) as Location[]
    assert.deepEqual(
      result.map((l) => [l.uri, l.range]),
      [[uri, { start: { line: 7, character: 10 }, end: { line: 7, character: 18 } }]],
    )
  } finally {
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } })
  }
})

test('a relation-name string leads to the relation, also when inherited or nested', async () => {
  const controller = 'app/controllers/users_controller.ts'
  assert.deepEqual(await definition(controller, "preload('posts')", 10), [USER_POSTS])
  assert.deepEqual(await definition(controller, "user.load('posts')", 13), [USER_POSTS])
  assert.deepEqual(await definition(controller, "related('posts')", 9), [USER_POSTS])
  // Admin inherits User.posts: the definition is in the base class's file.
  assert.deepEqual(await definition(controller, "Admin.query().preload('posts')", 24), [USER_POSTS])
  assert.deepEqual(await definition(controller, "withCount('posts')", 12), [USER_POSTS])
  assert.deepEqual(await definition('app/controllers/posts_controller.ts', "q.preload('posts')", 12), [
    USER_POSTS,
  ])
  assert.deepEqual(await definition('app/controllers/tags_controller.ts', "preload('posts')", 10), [
    'app/models/tag.ts:12:10-15',
  ])
  // On the opening quote too (a ctrl+click lands there), not after the closing one.
  assert.deepEqual(await definition(controller, "preload('posts')", 8), [USER_POSTS])
  assert.equal(await definition(controller, "preload('posts')", 15), null)
})

test('a column string of a relation query leads to the column', async () => {
  assert.deepEqual(await definition('app/controllers/users_controller.ts', "where('title'", 8), [
    'app/models/post.ts:13:10-15',
  ])
})

test("a relation callback's model leads to the model class", async () => {
  assert.deepEqual(await definition('app/models/user.ts', '() => Post', 8), ['app/models/post.ts:5:21-25'])
  assert.deepEqual(await definition('app/models/post.ts', '() => Comment', 7), [
    'app/models/comment.ts:4:21-28',
  ])
})

test('plain TypeScript identifiers and unrelated strings are left to TypeScript', async () => {
  const controller = 'app/controllers/users_controller.ts'
  assert.equal(await definition(controller, 'User.query', 1), null)
  assert.equal(await definition('app/models/user.ts', 'declare posts', 10), null)
  assert.equal(await definition('app/models/post.ts', 'declare authorId', 10), null)
  assert.equal(await definition('app/controllers/posts_controller.ts', "includes('posts')", 11), null)
  assert.equal(await definition('app/models/user.ts', 'isPrimary', 1), null)
})

/** The range of `length` characters at `delta` into the `nth` occurrence of `needle`, in short form. */
function spot(file: AppFile, needle: string, delta: number, length: number, nth = 0): string {
  const start = positionOf(FILES[file], needle, delta, nth)
  return `${file}:${start.line}:${start.character}-${start.character + length}`
}

async function references(file: AppFile, needle: string, delta: number, includeDeclaration: boolean) {
  const uri = await lsp.open(app.file(file))
  const result = (await lsp.client.sendRequest('textDocument/references', {
    textDocument: { uri },
    position: positionOf(FILES[file], needle, delta),
    context: { includeDeclaration },
  })) as Location[] | null
  return result && result.map(short)
}

test('references of a key property list every key string naming it', async () => {
  const expected = [
    POST_AUTHOR_ID,
    spot('app/models/post.ts', "foreignKey: 'authorId'", 13, 8),
    spot('app/models/post.ts', "localKey: 'authorId'", 11, 8),
    spot('app/models/tag.ts', "foreignKey: 'authorId'", 13, 8),
    'app/models/user.ts:11:38-46',
  ]
  assert.deepEqual(await references('app/models/user.ts', "'authorId'", 3, true), expected)
  assert.deepEqual(await references('app/models/post.ts', 'declare authorId', 12, true), expected)
  assert.deepEqual(
    await references('app/models/post.ts', "localKey: 'authorId'", 12, false),
    expected.slice(1),
  )
  // Tag.authorId is named by Tag's localKey only.
  assert.deepEqual(await references('app/models/tag.ts', 'declare authorId', 12, true), [
    'app/models/tag.ts:9:10-18',
    spot('app/models/tag.ts', "localKey: 'authorId'", 11, 8),
  ])
  // A column no key names is TypeScript's alone.
  assert.equal(await references('app/models/post.ts', 'declare title', 10, true), null)
})

test('references of a relation list every relation-name string, inherited and nested ones included', async () => {
  const users = 'app/controllers/users_controller.ts'
  const expected = [
    spot('app/controllers/posts_controller.ts', "q.preload('posts')", 11, 5),
    spot(users, "User.query().preload('posts')", 22, 5),
    spot(users, "user.load('posts')", 11, 5),
    spot(users, "related('posts')", 9, 5),
    spot(users, "Admin.query().preload('posts')", 23, 5),
    spot(users, "withCount('posts')", 11, 5),
  ]
  assert.deepEqual(await references('app/models/user.ts', 'declare posts', 10, true), [
    ...expected,
    USER_POSTS,
  ])
  assert.deepEqual(await references(users, "withCount('posts')", 12, false), expected)
  assert.deepEqual(await references('app/controllers/tags_controller.ts', "preload('posts')", 10, true), [
    spot('app/controllers/tags_controller.ts', "preload('posts')", 9, 5),
    'app/models/tag.ts:12:10-15',
  ])
})

test('clients with link support get LocationLinks with the origin range', async () => {
  const client = await startLinkClient(app.root)
  try {
    const fileName = app.file('app/models/user.ts')
    const uri = pathToUri(fileName)
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(fileName, 'utf8') },
    })
    const links = (await client.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: positionOf(FILES['app/models/user.ts'], "'authorId'", 2),
    })) as LocationLink[]
    assert.deepEqual(links, [
      {
        originSelectionRange: { start: { line: 11, character: 38 }, end: { line: 11, character: 46 } },
        targetUri: uriOf('app/models/post.ts'),
        // The whole member, decorator included, then its name.
        targetRange: { start: { line: 9, character: 2 }, end: { line: 10, character: 26 } },
        targetSelectionRange: { start: { line: 10, character: 10 }, end: { line: 10, character: 18 } },
      },
    ])
  } finally {
    await client.sendRequest('shutdown')
    client.dispose()
  }
})

/** A second in-process server whose client announces definition.linkSupport. */
async function startLinkClient(rootPath: string): Promise<ProtocolConnection> {
  const toServer = new PassThrough()
  const toClient = new PassThrough()
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)))
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  )
  client.listen()
  const result = (await client.sendRequest('initialize', {
    processId: null,
    rootUri: pathToUri(rootPath),
    capabilities: { textDocument: { definition: { linkSupport: true }, rename: { prepareSupport: true } } },
  })) as { capabilities: Record<string, unknown> }
  assert.equal(result.capabilities.definitionProvider, true)
  assert.equal(result.capabilities.referencesProvider, true)
  assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true })
  await client.sendNotification('initialized', {})
  return client
}
