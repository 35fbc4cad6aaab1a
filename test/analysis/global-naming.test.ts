// A naming strategy set on BaseModel at boot: Lucid's own by import, an app class read member by
// member, anything else unknowable (and then nothing that depends on names is reported).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { compareWithMarkers } from '../support/compare-markers'
import { createTempApp } from '../support/temp-app'

function userModel(files: Record<string, string>): { kind?: string; table?: string; gaps?: string[] } {
  const app = createTempApp(files)
  try {
    const project = new ProjectService(ts).discover(app.root)[0]
    const user = project
      ?.index()
      .allModels()
      .find((m) => m.name === 'User')
    assert.ok(user)
    return {
      kind: user.strategy?.kind,
      table: user.table,
      ...(user.strategyGaps && { gaps: Object.keys(user.strategyGaps).sort() }),
    }
  } finally {
    app.remove()
  }
}

const provider = (body: string, imports = "import { SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'") =>
  `${imports}
import { BaseModel } from '@adonisjs/lucid/orm'

export default class AppProvider {
  async boot() {
    ${body}
  }
}
`

test("Lucid's strategy set in a provider applies to every model without its own", () => {
  assert.deepEqual(
    userModel({
      'providers/app_provider.ts': provider('BaseModel.namingStrategy = new SnakeCaseNamingStrategy()'),
    }),
    { kind: 'snake', table: 'users' },
  )
})

test('an app class is read by what it overrides, not by its name', () => {
  const strategy = (members: string) => `import { SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'

export default class CamelCaseNamingStrategy extends SnakeCaseNamingStrategy {
${members}
}
`
  const boot = provider(
    'BaseModel.namingStrategy = new CamelCaseNamingStrategy()',
    "import CamelCaseNamingStrategy from '../app/naming.js'",
  )
  assert.deepEqual(userModel({ 'app/naming.ts': strategy(''), 'start/naming.ts': boot }), {
    kind: 'snake',
    table: 'users',
  })
  const singular = strategy(
    '  tableName(model: { name: string }) {\n    return model.name.toLowerCase()\n  }',
  )
  assert.deepEqual(userModel({ 'app/naming.ts': singular, 'start/naming.ts': boot }), {
    kind: 'snake',
    table: undefined,
  })
  // Pivot tables and serialized keys it names itself; every other name is still Lucid's.
  const pivots = strategy(
    '  relationPivotTable(_: string, model: { name: string }, related: { name: string }) {\n' +
      "    return [related.name, model.name + 's'].sort().join('_').toLowerCase()\n  }\n" +
      '  serializedName(_model: unknown, key: string) {\n    return key\n  }',
  )
  assert.deepEqual(userModel({ 'app/naming.ts': pivots, 'start/naming.ts': boot }), {
    kind: 'snake',
    table: 'users',
    gaps: ['pivotTable', 'serializedName'],
  })
  const columns = strategy('  columnName(_model: unknown, key: string) {\n    return key\n  }')
  assert.deepEqual(userModel({ 'app/naming.ts': columns, 'start/naming.ts': boot }), {
    kind: undefined,
    table: undefined,
  })
})

test('a strategy from a factory, or two different ones, makes names unknowable', () => {
  assert.deepEqual(
    userModel({
      'start/naming.ts': provider(
        'BaseModel.namingStrategy = pickStrategy()',
        'declare function pickStrategy(): never',
      ),
    }),
    { kind: undefined, table: undefined },
  )
  assert.deepEqual(
    userModel({
      'providers/app_provider.ts': provider('BaseModel.namingStrategy = new SnakeCaseNamingStrategy()'),
      'start/naming.ts': provider(
        'BaseModel.namingStrategy = new CamelCaseNamingStrategy()',
        "import { CamelCaseNamingStrategy } from '@adonisjs/lucid/orm'",
      ),
    }),
    { kind: undefined, table: undefined },
  )
})

test('with unknowable names, no table or column finding is reported; key typos still are', (t) => {
  const app = createTempApp({
    'start/naming.ts': provider(
      'BaseModel.namingStrategy = strategies.legacy',
      'declare const strategies: { legacy: never }',
    ),
    'database/migrations/1_create_tables.ts': `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tbl_user', (table) => {
      table.increments('ID')
      table.string('EMAIL')
    })
    this.schema.createTable('tbl_post', (table) => {
      table.increments('ID')
      table.integer('USER_ID')
      table.string('TITLE')
    })
  }
}
`,
    'app/models/user.ts': `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post, { foreignKey: 'userID', localKey: 'id' }) // expect LL101
  declare posts: HasMany<typeof Post>
}
`,
  })
  t.after(() => app.remove())
  const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
  assert.equal(expectedCount, 1)
})

test('a method replaced on the default instance counts as an override', () => {
  const start = (line: string) => `import { BaseModel } from '@adonisjs/lucid/orm'\n\n${line}\n`
  assert.deepEqual(
    userModel({ 'start/naming.ts': start('BaseModel.namingStrategy.tableName = (model) => model.name') }),
    { kind: 'camel', table: undefined },
  )
  assert.deepEqual(
    userModel({ 'start/naming.ts': start('BaseModel.namingStrategy.columnName = (_model, key) => key') }),
    { kind: undefined, table: undefined },
  )
})
