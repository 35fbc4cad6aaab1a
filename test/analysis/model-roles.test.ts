// Which classes are models of their own: generated schema classes and app bases are not, unless the
// app uses them as models; a base used as a model stays one, whatever name it is imported under.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { ownModels } from '../../server/src/analysis'
import { ProjectService } from '../../server/src/project/project-service'
import { compareWithMarkers } from '../support/compare-markers'
import { createTempApp, type TempApp } from '../support/temp-app'

const SCHEMA = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export class UserSchema extends BaseModel {
  static $columns = ['id', 'email'] as const
  $columns = UserSchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare email: string
}

export class AuditSchema extends BaseModel {
  static $columns = ['id'] as const
  $columns = AuditSchema.$columns
  @column({ isPrimary: true })
  declare id: number
}
`

const MIGRATION = `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email')
    })
    this.schema.createTable('audits', (table) => {
      table.increments('id')
    })
  }
}
`

const V7_PACKAGE = JSON.stringify({
  name: 'roles',
  type: 'module',
  imports: { '#models/*': './app/models/*.js', '#database/*': './database/*.js' },
  dependencies: { '@adonisjs/core': '^7.0.0', '@adonisjs/lucid': '^22.0.0' },
})

function v7App(files: Record<string, string>): TempApp {
  return createTempApp({
    'package.json': V7_PACKAGE,
    'database/schema.ts': SCHEMA,
    'database/migrations/1_create_tables.ts': MIGRATION,
    'app/models/user.ts': `import { UserSchema } from '#database/schema'\n\nexport default class User extends UserSchema {}\n`,
    'app/models/post.ts': '',
    'app/controllers/users_controller.ts': '',
    ...files,
  })
}

function modelNames(root: string): string[] {
  const project = new ProjectService(ts).discover(root)[0]
  assert.ok(project)
  return ownModels(project.index())
    .map((m) => m.name)
    .sort()
}

test('generated schema classes are bases: never listed, never held against a table', (t) => {
  const app = v7App({})
  t.after(() => app.remove())
  assert.deepEqual(modelNames(app.root), ['User'])
  const { missing, unexpected } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})

test('a schema class the app queries is a model, and its default table is checked', (t) => {
  const app = v7App({
    'app/controllers/audits_controller.ts': `import { AuditSchema } from '#database/schema'

export default class AuditsController {
  index() {
    return AuditSchema.query()
  }
}
`,
    'database/schema.ts': SCHEMA.replace(
      'export class AuditSchema extends BaseModel {',
      'export class AuditSchema extends BaseModel { // expect LL401',
    ),
  })
  t.after(() => app.remove())
  assert.deepEqual(modelNames(app.root), ['AuditSchema', 'User'])
  const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
  assert.equal(expectedCount, 1)
})

test('a base used as a model stays one, also under another import name; types and its prototype are no use', (t) => {
  const app = createTempApp({
    'app/models/account.ts': `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Account extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
}
`,
    'app/models/admin.ts': `import Account from '#models/account'

export default class Admin extends Account {}
`,
    'app/models/base_entity.ts': `import { BaseModel, column } from '@adonisjs/lucid/orm'

export abstract class BaseEntity extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
}
`,
    'app/models/invoice.ts': `import { BaseEntity } from '#models/base_entity'

export default class Invoice extends BaseEntity {}
`,
    'app/controllers/users_controller.ts': `import Member from '#models/account'
import { BaseEntity } from '#models/base_entity'
import Invoice from '#models/invoice'

Invoice.prototype.serialize = BaseEntity.prototype.serialize

export function describe(row: BaseEntity) {
  return row.id
}

export function withAudit(Superclass: typeof BaseEntity) {
  return Superclass
}

export function members() {
  return Member.query()
}
`,
  })
  t.after(() => app.remove())
  assert.deepEqual(modelNames(app.root), ['Account', 'Admin', 'Invoice', 'Post', 'User'])
})

test('a class that extends a function parameter is a mixin body: its relations belong to the models', (t) => {
  const app = createTempApp({
    'app/models/mixins/with_posts.ts': `import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default function WithPosts(Superclass: NormalizeConstructor<typeof BaseModel>) {
  class WithPostsModel extends Superclass {
    @hasMany(() => Post)
    declare posts: HasMany<typeof Post>
  }
  return WithPostsModel
}
`,
    'app/models/user.ts': `import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import WithPosts from '#models/mixins/with_posts'

export default class User extends compose(BaseModel, WithPosts) {
  @column({ isPrimary: true })
  declare id: number
}
`,
  })
  t.after(() => app.remove())
  // Lucid names the default foreignKey after User (userId, which Post has), not after WithPostsModel.
  assert.deepEqual(modelNames(app.root), ['Post', 'User'])
  const { missing, unexpected } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})

test('a mixin made by an app factory (withAuthor()) lends its columns to the model', (t) => {
  const app = createTempApp({
    'app/models/mixins/with_author.ts': `import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export function withAuthor() {
  return <T extends NormalizeConstructor<typeof BaseModel>>(Superclass: T) => {
    class WithAuthor extends Superclass {
      @column()
      declare authorId: number
    }
    return WithAuthor
  }
}
`,
    'app/models/post.ts': `import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { withAuthor } from '#models/mixins/with_author'
import User from '#models/user'

export default class Post extends compose(BaseModel, withAuthor()) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>
}
`,
    'app/models/user.ts': `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, { foreignKey: 'authorId' })
  declare authoredPosts: HasMany<typeof Post>
}
`,
  })
  t.after(() => app.remove())
  const { missing, unexpected } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})

test('an app mixin that delegates to another helper is opaque: keys it may add are not reported', (t) => {
  const app = createTempApp({
    'app/models/mixins/with_author.ts': `import { authored } from '@acme/lucid-authored'

export const withAuthor = (Superclass: any) => authored(Superclass, { column: 'author_id' })
`,
    'app/models/post.ts': `import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withAuthor } from '#models/mixins/with_author'

export default class Post extends compose(BaseModel, withAuthor) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number
}
`,
    'app/models/user.ts': `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, { foreignKey: 'authorId' })
  declare authoredPosts: HasMany<typeof Post>
}
`,
  })
  t.after(() => app.remove())
  const { missing, unexpected } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})
