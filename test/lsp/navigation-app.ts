// The app the definition, references and rename tests navigate: Post.authorId is a foreignKey of
// User.posts, Post.author and Tag.posts and a localKey of Post.authorComments; Tag.authorId has
// the same name but is another property; User.posts is used in several controllers, through
// a nested preload and through the subclass Admin; Tag has its own `posts` relation.
import type { Position, TextEdit } from 'vscode-languageserver'
import { createTempApp, type TempApp } from '../support/temp-app'

export const FILES = {
  'app/models/user.ts': `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post, { foreignKey: 'authorId' })
  declare posts: HasMany<typeof Post>
}
`,
  'app/models/admin.ts': `import User from '#models/user'

export default class Admin extends User {}
`,
  'app/models/post.ts': `import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Comment from '#models/comment'

export default class Post extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare authorId: number

  @column()
  declare title: string

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>

  @hasMany(() => Comment)
  declare comments: HasMany<typeof Comment>

  @hasMany(() => Comment, { localKey: 'authorId', foreignKey: 'postAuthorId' })
  declare authorComments: HasMany<typeof Comment>
}
`,
  'app/models/comment.ts': `import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class Comment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare postId: number

  @column()
  declare postAuthorId: number

  @belongsTo(() => Post, { foreignKey: 'postId' })
  declare post: BelongsTo<typeof Post>
}
`,
  'app/models/tag.ts': `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class Tag extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare authorId: number

  @hasMany(() => Post, { foreignKey: 'authorId', localKey: 'authorId' })
  declare posts: HasMany<typeof Post>
}
`,
  'app/controllers/users_controller.ts': `import Admin from '#models/admin'
import User from '#models/user'

export default class UsersController {
  async index() {
    return User.query().preload('posts')
  }

  async show(id: number) {
    const user = await User.findOrFail(id)
    await user.load('posts')
    return user.related('posts').query().where('title', 'x')
  }

  async admins() {
    return Admin.query().preload('posts').withCount('posts')
  }
}
`,
  'app/controllers/posts_controller.ts': `import Post from '#models/post'

export default class PostsController {
  async index() {
    return Post.query().preload('author', (q) => q.preload('posts'))
  }

  unrelated(names: string[]) {
    return names.includes('posts')
  }
}
`,
  'app/controllers/tags_controller.ts': `import Tag from '#models/tag'

export default class TagsController {
  async index() {
    return Tag.query().preload('posts')
  }
}
`,
} as const

export type AppFile = keyof typeof FILES

export function createNavigationApp(): TempApp {
  return createTempApp({ ...FILES })
}

/** The offset of the `nth` (0-based) occurrence of `needle` plus `delta`, as an LSP position. */
export function positionOf(text: string, needle: string, delta = 1, nth = 0): Position {
  let index = -1
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`"${needle}" (#${nth}) not found`)
  }
  return positionAt(text, index + delta)
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length - 1, character: before[before.length - 1]?.length ?? 0 }
}

function offsetOf(text: string, position: Position): number {
  const lines = text.split('\n')
  let offset = 0
  for (let line = 0; line < position.line; line++) offset += (lines[line]?.length ?? 0) + 1
  return offset + position.character
}

/** Applies non-overlapping edits, as an editor applies a WorkspaceEdit to one document. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
  let out = text
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end)
  return out
}
