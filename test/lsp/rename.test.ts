// Rename over JSON-RPC: a property used as a relation key and a relation, applied to the open texts
// and sent back to the server, which must then report no finding; and the refusals.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Range, WorkspaceEdit } from 'vscode-languageserver'
import { LspHarness } from '../support/lsp-harness'
import type { TempApp } from '../support/temp-app'
import { applyEdits, createNavigationApp, FILES, positionOf, type AppFile } from './navigation-app'

let app: TempApp
let lsp: LspHarness
/** The texts the server holds, by file: every file is open, two with unsaved changes. */
const open = new Map<AppFile, string>()
const uris = new Map<AppFile, string>()

// Unsaved lines shift every position below them: edits must be computed on the open text.
const UNSAVED: Partial<Record<AppFile, string>> = {
  'app/models/user.ts': '// unsaved line\n',
  'app/controllers/users_controller.ts': '// unsaved line\n// another one\n',
}

before(async () => {
  app = createNavigationApp()
  lsp = await LspHarness.start({ pull: true, rootPath: app.root })
  for (const file of Object.keys(FILES) as AppFile[]) {
    const text = (UNSAVED[file] ?? '') + FILES[file]
    open.set(file, text)
    uris.set(file, await lsp.open(app.file(file), text))
  }
})
after(async () => {
  await lsp.stop()
  app.remove()
})

const uriOf = (file: AppFile): string => uris.get(file) ?? assert.fail(`${file} is not open`)
const textOf = (file: AppFile): string => open.get(file) ?? assert.fail(`${file} is not open`)

async function prepare(file: AppFile, needle: string, delta: number) {
  return lsp.client.sendRequest('textDocument/prepareRename', {
    textDocument: { uri: uriOf(file) },
    position: positionOf(textOf(file), needle, delta),
  }) as Promise<{ range: Range; placeholder: string } | null>
}

async function rename(file: AppFile, needle: string, delta: number, newName: string): Promise<WorkspaceEdit> {
  return lsp.client.sendRequest('textDocument/rename', {
    textDocument: { uri: uriOf(file) },
    position: positionOf(textOf(file), needle, delta),
    newName,
  }) as Promise<WorkspaceEdit>
}

async function assertNoFindings(): Promise<void> {
  for (const file of open.keys()) assert.deepEqual(await lsp.pull(uriOf(file)), [], `findings in ${file}`)
}

/** Applies the edit as an editor would, sends the new texts to the server, returns them by file. */
async function applyWorkspaceEdit(edit: WorkspaceEdit): Promise<Map<AppFile, string>> {
  const out = new Map<AppFile, string>()
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = [...uris].find(([, u]) => u === uri)?.[0] ?? assert.fail(`edit of an unknown ${uri}`)
    const starts = edits.map((e) => `${e.range.start.line}:${e.range.start.character}`)
    assert.equal(new Set(starts).size, starts.length, `duplicate edits in ${file}`)
    const sorted = [...edits].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    )
    assert.deepEqual(edits, sorted, `edits of ${file} are sorted`)
    const text = applyEdits(textOf(file), edits)
    out.set(file, text)
    open.set(file, text)
    await lsp.replace(uri, text)
  }
  return out
}

async function restore(): Promise<void> {
  for (const file of Object.keys(FILES) as AppFile[]) {
    const text = (UNSAVED[file] ?? '') + FILES[file]
    if (open.get(file) === text) continue
    open.set(file, text)
    await lsp.replace(uriOf(file), text)
  }
}

test('prepareRename answers with the name: inside the quotes for strings', async () => {
  assert.deepEqual(await prepare('app/models/user.ts', "'authorId'", 3), {
    range: { start: { line: 12, character: 38 }, end: { line: 12, character: 46 } },
    placeholder: 'authorId',
  })
  assert.deepEqual(await prepare('app/models/post.ts', 'declare authorId', 10), {
    range: { start: { line: 10, character: 10 }, end: { line: 10, character: 18 } },
    placeholder: 'authorId',
  })
  assert.deepEqual(await prepare('app/controllers/posts_controller.ts', "q.preload('posts')", 12), {
    range: { start: { line: 4, character: 60 }, end: { line: 4, character: 65 } },
    placeholder: 'posts',
  })
  assert.deepEqual(await prepare('app/models/user.ts', 'declare posts', 10), {
    range: { start: { line: 13, character: 10 }, end: { line: 13, character: 15 } },
    placeholder: 'posts',
  })
})

test('renaming a key property edits its declaration and every key string naming it', async () => {
  await assertNoFindings()
  try {
    const edit = await rename('app/models/post.ts', 'declare authorId', 12, 'writerId')
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [
      uriOf('app/models/post.ts'),
      uriOf('app/models/tag.ts'),
      uriOf('app/models/user.ts'),
    ])
    const texts = await applyWorkspaceEdit(edit)
    assert.equal(
      texts.get('app/models/post.ts'),
      FILES['app/models/post.ts']
        .replace('declare authorId', 'declare writerId')
        .replace("{ foreignKey: 'authorId' }", "{ foreignKey: 'writerId' }")
        .replace("localKey: 'authorId'", "localKey: 'writerId'"),
    )
    // Tag's localKey names Tag.authorId, a different property: it stays.
    assert.equal(
      texts.get('app/models/tag.ts'),
      FILES['app/models/tag.ts'].replace(
        "foreignKey: 'authorId', localKey: 'authorId'",
        "foreignKey: 'writerId', localKey: 'authorId'",
      ),
    )
    assert.equal(
      texts.get('app/models/user.ts'),
      `// unsaved line\n${FILES['app/models/user.ts'].replace("'authorId'", "'writerId'")}`,
    )
    await assertNoFindings()
  } finally {
    await restore()
  }
})

test('renaming a relation edits its declaration and every string that refers to it', async () => {
  await assertNoFindings()
  try {
    // From the nested preload: its `q` is a query of User, reached through Post.author.
    const edit = await rename('app/controllers/posts_controller.ts', "q.preload('posts')", 12, 'articles')
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [
      uriOf('app/controllers/posts_controller.ts'),
      uriOf('app/controllers/users_controller.ts'),
      uriOf('app/models/user.ts'),
    ])
    const texts = await applyWorkspaceEdit(edit)
    assert.equal(
      texts.get('app/models/user.ts'),
      `// unsaved line\n${FILES['app/models/user.ts'].replace('declare posts', 'declare articles')}`,
    )
    // Admin inherits the relation: its preload and withCount follow.
    assert.equal(
      texts.get('app/controllers/users_controller.ts'),
      `// unsaved line\n// another one\n${FILES['app/controllers/users_controller.ts'].replaceAll("('posts')", "('articles')")}`,
    )
    // `names.includes('posts')` is no relation name.
    assert.equal(
      texts.get('app/controllers/posts_controller.ts'),
      FILES['app/controllers/posts_controller.ts'].replace("q.preload('posts')", "q.preload('articles')"),
    )
    await assertNoFindings()
  } finally {
    await restore()
  }
})

test('a static primaryKey naming the property is renamed with it', async () => {
  const text = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'

export class Award extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare badgeCode: string
}

export default class Badge extends BaseModel {
  static primaryKey = 'code'

  @column()
  declare code: string

  @hasMany(() => Award, { localKey: 'code', foreignKey: 'badgeCode' })
  declare awards: HasMany<typeof Award>
}
`
  const uri = await lsp.open(app.file('app/models/badge.ts'), text)
  try {
    assert.deepEqual(await lsp.pull(uri), [])
    const edit: WorkspaceEdit = await lsp.client.sendRequest('textDocument/rename', {
      textDocument: { uri },
      position: positionOf(text, "localKey: 'code'", 12),
      newName: 'slug',
    })
    assert.deepEqual(Object.keys(edit.changes ?? {}), [uri])
    const renamed = applyEdits(text, edit.changes?.[uri] ?? [])
    assert.equal(
      renamed,
      text
        .replace("primaryKey = 'code'", "primaryKey = 'slug'")
        .replace('declare code', 'declare slug')
        .replace("localKey: 'code'", "localKey: 'slug'"),
    )
    await lsp.replace(uri, renamed)
    assert.deepEqual(await lsp.pull(uri), [])
  } finally {
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } })
  }
})

test('prepareRename refuses strings it cannot rename and leaves the rest to TypeScript', async () => {
  const fileName = app.file('app/models/member.ts')
  const text = `import { column, hasMany } from '@adonisjs/lucid/orm'
import { SoftDeletes } from 'adonis-lucid-soft-deletes'
import Comment from '#models/comment'
import Post from '#models/post'
import User from '#models/user'

export default class Member extends SoftDeletes {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Post, { foreignKey: 'nope' })
  declare posts: unknown

  @hasMany(() => Comment, { localKey: 'id' })
  declare comments: unknown
}

export async function run(user: User) {
  await user.load('nope')
  return Member.query().preload('friends')
}
`
  const uri = await lsp.open(fileName, text)
  const refusal = async (needle: string, delta: number): Promise<string> => {
    const error = await lsp.client
      .sendRequest('textDocument/prepareRename', {
        textDocument: { uri },
        position: positionOf(text, needle, delta),
      })
      .then(
        (result) => assert.fail(`expected a refusal, got ${JSON.stringify(result)}`),
        (e: Error) => e.message,
      )
    return error
  }
  try {
    const NOT_ONE =
      'Lucid Lens renames model properties used as relation keys and relation names; this string is not one'
    assert.equal(await refusal("'nope' }", 2), `${NOT_ONE}: "nope" is not a property of Post.`)
    assert.equal(await refusal("load('nope')", 7), `${NOT_ONE}: "nope" is not a relation of User.`)
    assert.equal(
      await refusal("preload('friends')", 10),
      `${NOT_ONE}: "friends" is not a relation of Member (a base class or mixin of Member could not be read).`,
    )
    // Member.id is named by that localKey, but Member.comments derives its foreign key from it.
    assert.equal(
      await refusal("localKey: 'id'", 11),
      'Renaming Member.id would break Lucid\'s keys: The default foreignKey "memberId" of Member.comments ' +
        "is derived from Member.id. Set foreignKey: 'memberId' on the relation first.",
    )
  } finally {
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri } })
  }
  // Comment.postId is also Post.comments' default foreignKey, which no string could follow.
  await assert.rejects(
    prepare('app/models/comment.ts', "foreignKey: 'postId'", 14),
    /Renaming Comment\.postId would break Lucid's keys: Post\.comments uses "postId" as its default foreignKey\. Set foreignKey: 'postId' on the relation first\./,
  )
  // Not Lucid's: unrelated strings, column strings, decorators, columns no key names, class names.
  assert.equal(await prepare('app/controllers/posts_controller.ts', "includes('posts')", 11), null)
  assert.equal(await prepare('app/controllers/users_controller.ts', "where('title'", 8), null)
  assert.equal(await prepare('app/models/user.ts', '@hasMany', 3), null)
  assert.equal(await prepare('app/models/post.ts', 'declare title', 10), null)
  assert.equal(await prepare('app/models/post.ts', 'class Post', 8), null)
})

test('rename refuses names that are not identifiers or already taken', async () => {
  await assert.rejects(
    rename('app/models/post.ts', 'declare authorId', 12, 'writer-id'),
    /"writer-id" is not a valid property name/,
  )
  await assert.rejects(
    rename('app/models/post.ts', 'declare authorId', 12, 'title'),
    /Post already has a member named "title"\./,
  )
  await assert.rejects(
    rename('app/models/user.ts', 'declare posts', 10, 'email'),
    /User already has a member named "email"\./,
  )
})
