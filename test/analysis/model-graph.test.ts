// The plain ModelGraph handed to the engine: tables, primary keys, columns, resolved keys and
// onQuery bodies as plan fragments.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { call } from '../../engine/src/plan'
import { buildModelGraph } from '../../server/src/analysis'
import { ProjectService } from '../../server/src/project/project-service'
import { repoRoot } from '../support/paths'
import { createTempApp } from '../support/temp-app'

const CATEGORY = `import { BaseModel, column, hasMany, SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'

export default class HTTPCategory extends BaseModel {
  static namingStrategy = new SnakeCaseNamingStrategy()
  static table = 'categories'

  @column({ isPrimary: true })
  declare uuid: string

  @column({ columnName: 'parent_ref', serializeAs: null })
  declare httpCategoryUuid: string | null

  @column()
  declare address1: string

  @hasMany(() => HTTPCategory, { serializeAs: 'kids' })
  declare children: HasMany<typeof HTTPCategory>
}
`

test('the model graph carries what the engine needs, as plain data', (t) => {
  const app = createTempApp({ 'app/models/http_category.ts': CATEGORY })
  t.after(() => app.remove())
  const project = new ProjectService(ts).projectFor(app.file('app/models/user.ts'))
  assert.ok(project)
  const graph = buildModelGraph(project.index())
  assert.equal(graph.generation, 'v6')
  const byName = new Map(graph.models.map((m) => [m.name, m]))
  const user = byName.get('User')
  assert.deepEqual(
    { table: user?.table, primaryKey: user?.primaryKey, strategy: user?.namingStrategy },
    { table: 'users', primaryKey: 'id', strategy: 'camel' },
  )
  assert.deepEqual(user?.relations, [
    {
      name: 'posts',
      kind: 'hasMany',
      serializeAs: 'posts',
      hasOnQuery: false,
      relatedModel: 'Post',
      keys: {
        localKey: 'id',
        localKeyIsDefault: true,
        localKeyColumn: 'id',
        foreignKey: 'userId',
        foreignKeyIsDefault: true,
        foreignKeyColumn: 'user_id',
      },
    },
  ])
  const category = byName.get('HTTPCategory')
  assert.equal(category?.table, 'categories')
  assert.equal(category?.primaryKey, 'uuid')
  assert.equal(category?.namingStrategy, 'snake')
  const columns = new Map(category?.columns.map((c) => [c.attribute, c]))
  assert.equal(columns.get('address1')?.columnName, 'address_1', 'v6 splits digits')
  assert.equal(
    columns.get('address1')?.serializeAs,
    'address_1',
    'the snake strategy serializes in snake case',
  )
  assert.equal(columns.get('httpCategoryUuid')?.columnName, 'parent_ref')
  assert.equal(columns.get('httpCategoryUuid')?.serializeAs, null)
  assert.equal(columns.get('uuid')?.isPrimary, true)
  const children = category?.relations[0]
  assert.equal(children?.serializeAs, 'kids')
  assert.deepEqual(children?.keys, {
    localKey: 'uuid',
    localKeyIsDefault: true,
    localKeyColumn: 'uuid',
    foreignKey: 'httpCategoryUuid',
    foreignKeyIsDefault: true,
    foreignKeyColumn: 'parent_ref',
  })
  assert.deepEqual(JSON.parse(JSON.stringify(graph)), graph, 'plain data: survives serialization unchanged')
})

const STAMPED = `import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Stamped extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column({ autoCreate: true })
  declare plain: string

  @column.date({ autoCreate: true })
  declare day: DateTime

  @column.dateTime({ autoCreate: false, autoUpdate: 1 })
  declare notFlagged: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
`

test('autoCreate/autoUpdate reach the graph for date columns, only when literally true', (t) => {
  const app = createTempApp({ 'app/models/stamped.ts': STAMPED })
  t.after(() => app.remove())
  const project = new ProjectService(ts).projectFor(app.file('app/models/stamped.ts'))
  assert.ok(project)
  const stamped = buildModelGraph(project.index()).models.find((m) => m.name === 'Stamped')
  const flags = stamped?.columns.map((c) => [c.attribute, c.autoCreate, c.autoUpdate])
  assert.deepEqual(flags, [
    ['id', undefined, undefined],
    ['plain', undefined, undefined],
    ['day', true, undefined],
    ['notFlagged', undefined, undefined],
    ['createdAt', true, undefined],
    ['updatedAt', true, true],
  ])
})

test("the example app's User.publishedPosts carries its onQuery body as a plan fragment", () => {
  const [project] = new ProjectService(ts).discover(path.join(repoRoot, 'examples', 'blog'))
  assert.ok(project)
  const user = buildModelGraph(project.index()).models.find((model) => model.name === 'User')
  const relations = new Map(user?.relations.map((relation) => [relation.name, relation]))
  assert.deepEqual(relations.get('publishedPosts')?.onQuery, {
    steps: [{ calls: [call('where', 'isPublished', true)] }],
  })
  assert.equal(relations.get('publishedPosts')?.hasOnQuery, true)
  assert.equal(relations.get('posts')?.onQuery, undefined)
})
