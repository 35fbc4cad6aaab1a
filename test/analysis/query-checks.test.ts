// The query checks (LL601-LL603) on small apps, each rule both ways: the finding where the source
// proves it, none where one detail makes it unsure (a package mixin, a pivot table, a query from a
// caller, migrations of part of the database, a custom naming strategy, a manual transaction).
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp } from '../support/temp-app'

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true },
  include: ['**/*'],
})
const PACKAGE = JSON.stringify({ name: 'app', type: 'module', imports: { '#models/*': './app/models/*.js' } })

const MIGRATIONS = `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email')
      table.timestamp('deleted_at')
    })
    this.schema.createTable('roles', (table) => {
      table.increments('id')
      table.string('name')
    })
    this.schema.createTable('role_user', (table) => {
      table.integer('user_id')
      table.integer('role_id')
      table.string('granted_by')
    })
    this.schema.createTable('posts', (table) => {
      table.increments('id')
      table.integer('user_id')
      table.string('title')
    })
  }
}
`

const user = (
  heritage: string,
  imports = '',
) => `import { BaseModel, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import { compose } from '@adonisjs/core/helpers'
${imports}
import Post from '#models/post'
import Role from '#models/role'

export default class User extends ${heritage} {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post)
  declare posts: any

  @manyToMany(() => Role, { pivotColumns: ['granted_by'] })
  declare roles: any
}
`
const simple = (
  name: string,
  ...columns: string[]
) => `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class ${name} extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
${columns.map((c) => `\n  @column()\n  declare ${c}: string`).join('\n')}
}
`

function findings(files: Record<string, string>): string[] {
  const app = createTempApp({
    'tsconfig.json': TSCONFIG,
    'package.json': PACKAGE,
    'database/migrations/1_tables.ts': MIGRATIONS,
    'app/models/user.ts': user('BaseModel'),
    'app/models/role.ts': simple('Role', 'name'),
    'app/models/post.ts': simple('Post', 'userId', 'title'),
    ...files,
  })
  try {
    const out: string[] = []
    for (const project of new ProjectService(ts).discover(app.root))
      for (const file of project.sourceFiles())
        for (const f of project.findings(file.fileName))
          if (f.code.startsWith('LL6')) {
            const line = file.getLineAndCharacterOfPosition(f.start).line + 1
            out.push(`${path.basename(f.fileName)}:${line} ${f.code}`)
          }
    return out.sort()
  } finally {
    app.remove()
  }
}

const controller = (body: string) => `import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import Post from '#models/post'

export async function run(user: User) {
${body}
}
`

test('LL601: the table column no model declares passes; a misspelt one is reported', () => {
  const found = findings({
    'app/controllers/c.ts': controller(`  await User.query().whereNull('deleted_at')
  await User.query().whereNull('deletd_at')`),
  })
  assert.deepEqual(found, ['c.ts:7 LL601'])
})

test('LL601: a model composing a package mixin may have attributes not seen: unchecked', () => {
  const query = controller(`  await User.query().whereNull('deletedAt')`)
  assert.deepEqual(findings({ 'app/controllers/c.ts': query }), ['c.ts:6 LL601'])
  const soft = user(
    'compose(BaseModel, SoftDeletes)',
    "import { SoftDeletes } from 'adonis-lucid-soft-deletes'",
  )
  assert.deepEqual(findings({ 'app/models/user.ts': soft, 'app/controllers/c.ts': query }), [])
})

test('LL601: a pivot column is a column of a manyToMany query, not of a hasMany one', () => {
  const found = findings({
    'app/controllers/c.ts': controller(`  await user.related('roles').query().where('granted_by', 'admin')
  await User.query().preload('roles', (q) => q.orderBy('granted_by'))
  await user.related('posts').query().where('granted_by', 'admin')`),
  })
  assert.deepEqual(found, ['c.ts:8 LL601'])
})

test('LL601: a query from a caller is unchecked; the same query built here is checked', () => {
  const found = findings({
    'app/controllers/c.ts': `import User from '#models/user'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

export function filter(query: ModelQueryBuilderContract<typeof User>) {
  return query.where('score', 1)
}

export function local() {
  const query = User.query()
  return query.where('score', 1)
}
`,
  })
  assert.deepEqual(found, ['c.ts:10 LL601'])
})

test('LL601: a query on another connection is unchecked; with the transaction it is checked', () => {
  const found = findings({
    'app/controllers/c.ts': controller(`  await User.query({ connection: 'replica' }).where('score', 1)
  await db.transaction(async (trx) => {
    await User.query({ client: trx }).where('score', 1)
  })`),
  })
  assert.deepEqual(found, ['c.ts:8 LL601'])
})

test('LL601: migrations that cover only part of the database prove no column missing', () => {
  const found = findings({
    'app/models/invoice.ts': simple('Invoice', 'total'),
    'app/models/payment.ts': simple('Payment', 'amount'),
    'app/controllers/c.ts': controller(`  await User.query().where('score', 1)`),
  })
  assert.deepEqual(found, [])
})

test('LL601: a custom naming strategy leaves the columns unknown', () => {
  const strategy = user('BaseModel', "import { MyStrategy } from '#models/strategy'").replace(
    'declare id: number',
    'declare id: number\n\n  static namingStrategy = new MyStrategy()',
  )
  const found = findings({
    'app/models/user.ts': strategy,
    'app/models/strategy.ts': 'export class MyStrategy {}\n',
    'app/controllers/c.ts': controller(`  await User.query().where('score', 1)`),
  })
  assert.deepEqual(found, [])
})

test('LL602 on the plain chain only; LL603 in the managed form only', () => {
  const found = findings({
    'app/controllers/c.ts': controller(`  await Post.query().delete()
  const all = Post.query()
  await all.delete()
  await db.transaction(async (trx) => {
    await Post.create({ title: 'a' })
  })
  const trx = await db.transaction()
  await Post.create({ title: 'b' })
  await trx.commit()`),
  })
  assert.deepEqual(found, ['c.ts:10 LL603', 'c.ts:6 LL602'])
})

test('LL602 is not reported in tests, seeders and factories, which empty tables on purpose', () => {
  const wipe = controller(`  await Post.query().delete()`)
  assert.deepEqual(findings({ 'app/services/cleanup.ts': wipe }), ['cleanup.ts:6 LL602'])
  assert.deepEqual(
    findings({ 'tests/functional/posts.spec.ts': wipe, 'database/seeders/post_seeder.ts': wipe }),
    [],
  )
})

test('LL603 leaves a model on a connection of its own alone', () => {
  const body = controller(`  await db.transaction(async (trx) => {
    await Post.create({ title: 'a' })
  })`)
  assert.deepEqual(findings({ 'app/controllers/c.ts': body }), ['c.ts:7 LL603'])
  const audit = simple('Post', 'userId', 'title').replace(
    'declare id: number',
    "declare id: number\n\n  static connection = 'audit'",
  )
  assert.deepEqual(findings({ 'app/models/post.ts': audit, 'app/controllers/c.ts': body }), [])
})
