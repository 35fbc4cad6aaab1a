// How the model of a related()/preload() receiver is found, one pattern per line, with markers.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compareWithMarkers } from '../support/compare-markers'
import { createTempApp } from '../support/temp-app'

const SERVICE = `import User from '#models/user'

export async function findUser(id: number): Promise<User> {
  return User.findOrFail(id)
}

export const loadUsers = (): Promise<User[]> => User.all()

export class UserRepository {
  async byEmail(email: string): Promise<User | null> {
    return User.findBy('email', email)
  }
}
`

const CONTROLLER = `import User from '#models/user'
import Post from '#models/post'
import { findUser, loadUsers, UserRepository } from '../services/users.js'

export default class ReceiversController {
  repo = new UserRepository()

  async run() {
    const viaHelper = await findUser(1)
    await viaHelper.related('postz').query() // expect LL201
    const many = await loadUsers()
    for (const user of many) await user.load('post') // expect LL201
    many.map((user) => user.related('posts')) // clean
    many.forEach((user) => user.related('pots')) // expect LL201
    const fromQuery = await User.query().where('id', 1).firstOrFail()
    await fromQuery.related('posts').query().preload('users') // expect LL201
    const first = (await User.all())[0]
    await first?.load('posts')
    const list: User[] = []
    await list[0]!.load('postss') // expect LL201
    await Post.query().whereHas('user', (q) => q.preload('postz')) // expect LL201
    await Post.query().preload('user', (q) => q.where((inner) => inner.whereHas('posts')))
    await Post.query().preload('user', (q) => q.where((inner) => inner.whereHas('postz'))) // expect LL201
    const seen = new Set<string>()
    seen.has('anything')
    const map = new Map<string, number>()
    map.has('posts')
  }
}
`

const USER = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  async recentPosts() {
    await this.load('posts')
    return this.related('postz').query() // expect LL201
  }

  static async withPosts() {
    return this.query().preload('posts')
  }

  static async broken() {
    return this.query().preload('post') // expect LL201
  }
}
`

const POST = `import { BaseModel, column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

export default class Post extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
`

test('receivers: helpers with declared return types, loops, arrays, this, nested callbacks', (t) => {
  const app = createTempApp({
    'app/models/user.ts': USER,
    'app/models/post.ts': POST,
    'app/services/users.ts': SERVICE,
    'app/controllers/receivers_controller.ts': CONTROLLER,
    'app/controllers/users_controller.ts': '',
  })
  t.after(() => app.remove())
  const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
  assert.equal(expectedCount, 9)
})
