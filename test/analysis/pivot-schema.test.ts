// manyToMany pivot tables against the schema: found in migrations newer than database/schema.ts (no
// false LL407), a misspelled pivot table or pivot column reported, nothing claimed for dynamic options.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { appConfig, createTempApp } from '../support/temp-app'

const SCHEMA_FILE = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export class UserSchema extends BaseModel {
  static $columns = ['id', 'email'] as const
  $columns = UserSchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare email: string
}

export class TagSchema extends BaseModel {
  static $columns = ['id', 'name'] as const
  $columns = TagSchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare name: string
}
`
const migration = (body: string) => `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    ${body}
  }
}
`
const USER = (relations: string) => `import { manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { UserSchema } from '#database/schema'
import Tag from '#models/tag'

const PIVOT = ['tag', 'user'].join('_')

export default class User extends UserSchema {
${relations}
}
`
const FILES = {
  ...appConfig({ '#models/*': './app/models/*.js', '#database/*': './database/*.js' }),
  'database/schema.ts': SCHEMA_FILE,
  'database/migrations/1_users.ts': migration(
    "this.schema.createTable('users', (t) => { t.increments('id'); t.string('email') })",
  ),
  'database/migrations/2_tags.ts': migration(
    "this.schema.createTable('tags', (t) => { t.increments('id'); t.string('name') })",
  ),
  // Newer than database/schema.ts, which does not list it yet.
  'database/migrations/3_tag_user.ts': migration(
    "this.schema.createTable('tag_user', (t) => { t.integer('user_id'); t.integer('tag_id'); t.integer('weight') })",
  ),
  'app/models/tag.ts': `import { TagSchema } from '#database/schema'\n\nexport default class Tag extends TagSchema {}\n`,
}

function findings(relations: string): string[] {
  const app = createTempApp({ ...FILES, 'app/models/user.ts': USER(relations) })
  try {
    const out: string[] = []
    for (const project of new ProjectService(ts).discover(app.root))
      for (const file of project.sourceFiles())
        for (const f of project.findings(file.fileName))
          out.push(`${path.basename(f.fileName)} ${f.code} ${f.message}`)
    // createTempApp's own example files (a Post model, a controller) are not under test here.
    return out.filter((line) => line.startsWith('user.ts '))
  } finally {
    app.remove()
  }
}

test('a pivot table only newer migrations create is found there, with its columns', () => {
  const clean = findings(`  @manyToMany(() => Tag, { pivotColumns: ['weight'] })
  declare tags: ManyToMany<typeof Tag>`)
  assert.deepEqual(clean, [])
  const wrong =
    findings(`  @manyToMany(() => Tag, { pivotColumns: ['wieght'], pivotRelatedForeignKey: 'tags_id' })
  declare tags: ManyToMany<typeof Tag>`)
  assert.equal(wrong.length, 2, wrong.join('\n'))
  assert.ok(
    wrong.some((f) => /^user\.ts LL402 .*"tags_id".*"tag_user" according to database\/migrations/.test(f)),
  )
  assert.ok(wrong.some((f) => /^user\.ts LL407 .*"wieght".*Did you mean "weight"\?/.test(f)))
})

test('a misspelled pivot table is reported; one built by code is not checked', () => {
  const typo = findings(`  @manyToMany(() => Tag, { pivotTable: 'tag_usr' })
  declare tags: ManyToMany<typeof Tag>`)
  assert.equal(typo.length, 1, typo.join('\n'))
  assert.match(typo[0] ?? '', /^user\.ts LL407 .*"tag_usr".*Did you mean "tag_user"\?/)
  const dynamic = findings(`  @manyToMany(() => Tag, { pivotTable: PIVOT, pivotColumns: ['wieght'] })
  declare tags: ManyToMany<typeof Tag>`)
  assert.deepEqual(dynamic, [])
})
