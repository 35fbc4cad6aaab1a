// Key options given as constants (an enum member, a member of an `as const` object, an imported
// `const`) are checked with the value the checker gives them; a value only code decides (a `let`, a
// parameter) is not, and a pivot key built by code leaves the other pivot options checked. So is a
// model's `static table`. Its `static namingStrategy` is the class it names, not a class of the same
// name as Lucid's.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import { analyzeFolder } from '../support/analyze-fixture'
import { appConfig, createTempApp } from '../support/temp-app'

const migration = (body: string) => `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    ${body}
  }
}
`

const FILES = {
  ...appConfig({ '#models/*': './app/models/*.js', '#app/*': './app/*.js' }),
  'app/names.ts': `enum Tables {
  BADGES = 'badges',
  BADGE_HOLDERS = 'badge_holders',
  OLD_HOLDERS = 'badge_holder',
}
export default Tables

export const KEYS = { giver: 'giverId', misspelt: 'giverld' } as const
export const GIVER = 'giverId'
`,
  'database/migrations/1_users.ts': migration(
    "this.schema.createTable('users', (t) => { t.increments('id'); t.string('email') })",
  ),
  'database/migrations/2_badges.ts': migration(
    "this.schema.createTable('badges', (t) => { t.increments('id'); t.integer('giver_id').index() })",
  ),
  // createTempApp's Post model: with its table, the migrations cover the whole database.
  'database/migrations/2_posts.ts': migration(
    "this.schema.createTable('posts', (t) => { t.increments('id'); t.integer('user_id'); t.string('title') })",
  ),
  'database/migrations/3_badge_holders.ts': migration(
    "this.schema.createTable('badge_holders', (t) => { t.integer('user_id'); t.integer('badge_id') })",
  ),
  'app/models/badge.ts': `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Badge extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare giverId: number
}
`,
}

const USER = (
  relations: string,
  head = '',
) => `import { BaseModel, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import Badge from '#models/badge'
import Tables, { GIVER, KEYS } from '#app/names'
${head}
export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare email: string
${relations}
}
`

function findings(relations: string, head = '', extra: Record<string, string> = {}): string[] {
  // createTempApp's own example files (a Post model, a controller) are not under test here.
  return findingsOf({ ...FILES, ...extra, 'app/models/user.ts': USER(relations, head) }, 'user.ts')
}

test('an enum member as pivotTable is the table it names: its pivot keys are checked', () => {
  const right =
    findings(`  @manyToMany(() => Badge, { pivotTable: Tables.BADGE_HOLDERS, pivotForeignKey: 'user_id' })
  declare badges: ManyToMany<typeof Badge>`)
  assert.deepEqual(right, [])
  const typo =
    findings(`  @manyToMany(() => Badge, { pivotTable: Tables.BADGE_HOLDERS, pivotForeignKey: 'usr_id' })
  declare badges: ManyToMany<typeof Badge>`)
  assert.equal(typo.length, 1, typo.join('\n'))
  assert.match(typo[0] ?? '', /^user\.ts LL402 at 'usr_id': .*"usr_id".*"badge_holders"/)
  const table = findings(`  @manyToMany(() => Badge, { pivotTable: Tables.OLD_HOLDERS })
  declare badges: ManyToMany<typeof Badge>`)
  assert.equal(table.length, 1, table.join('\n'))
  assert.match(table[0] ?? '', /^user\.ts LL407 at Tables\.OLD_HOLDERS: .*"badge_holder".*"badge_holders"/)
})

test('an `as const` member or an imported const as foreignKey is checked like a literal', () => {
  assert.deepEqual(
    findings(`  @hasMany(() => Badge, { foreignKey: KEYS.giver })
  declare given: HasMany<typeof Badge>
  @hasMany(() => Badge, { foreignKey: GIVER })
  declare alsoGiven: HasMany<typeof Badge>`),
    [],
  )
  const typo = findings(`  @hasMany(() => Badge, { foreignKey: KEYS.misspelt })
  declare given: HasMany<typeof Badge>`)
  assert.equal(typo.length, 1, typo.join('\n'))
  assert.match(typo[0] ?? '', /^user\.ts LL101 at KEYS\.misspelt: .*"giverld".*Did you mean "giverId"\?/)
})

test('a key only code decides is not checked; a pivot key built by code leaves the others checked', () => {
  const dynamic = findings(
    `  @hasMany(() => Badge, { foreignKey: fk })
  declare given: HasMany<typeof Badge>`,
    `let fk: string = 'giverld'\nfk = fk.trim()\n`,
  )
  assert.deepEqual(dynamic, [])
  const mixin = (related: string) => `import { BaseModel, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Badge from '#models/badge'

export function withBadges(foreignKey: string) {
  return <T extends typeof BaseModel>(superclass: T) => {
    class WithBadges extends superclass {
      @manyToMany(() => Badge, { pivotTable: 'badge_holders', pivotForeignKey: foreignKey, pivotRelatedForeignKey: ${related} })
      declare badges: ManyToMany<typeof Badge>
    }
    return WithBadges
  }
}
`
  // The parameter's value ('usr_id', wrong) is never claimed: only code decides it.
  const holder = `import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withBadges } from '#app/with_badges'

export default class Holder extends compose(BaseModel, withBadges('usr_id')) {
  @column({ isPrimary: true })
  declare id: number
}
`
  const run = (related: string) =>
    findingsOf(
      { ...FILES, 'app/with_badges.ts': mixin(related), 'app/models/holder.ts': holder },
      'with_badges.ts',
    )
  assert.deepEqual(run("'badge_id'"), [])
  const typo = run("'badges_id'")
  assert.equal(typo.length, 1, typo.join('\n'))
  assert.match(typo[0] ?? '', /^with_badges\.ts LL402 at 'badges_id': .*"badges_id".*"badge_holders"/)
})

test('static table from a constant is that table; one only code decides is not checked', () => {
  const ledger = (table: string) => `import { BaseModel, column } from '@adonisjs/lucid/orm'
import Tables from '#app/names'

const suffix: string = String(Date.now() % 2)

export default class Ledger extends BaseModel {
  static table = ${table}
  @column({ isPrimary: true })
  declare id: number
}
`
  const run = (table: string) => findingsOf({ ...FILES, 'app/models/ledger.ts': ledger(table) }, 'ledger.ts')
  assert.deepEqual(run('Tables.BADGES'), [])
  const stale = run('Tables.OLD_HOLDERS')
  assert.equal(stale.length, 1, stale.join('\n'))
  assert.match(stale[0] ?? '', /^ledger\.ts LL401 .*"badge_holder"/)
  // Neither the constant nor Lucid's default (ledgers, which no migration creates) is claimed.
  assert.deepEqual(run('`ledger_${suffix}`'), [])
})

test("static namingStrategy: an app class named like Lucid's is read as the app's class", () => {
  const strategy = `import { SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'
import type { LucidModel } from '@adonisjs/lucid/types/model'

export default class CamelCaseNamingStrategy extends SnakeCaseNamingStrategy {
  relationPivotTable(_: 'manyToMany', model: LucidModel, related: LucidModel) {
    return [related.name, model.name].sort().join('_').toLowerCase() + 's'
  }
}
`
  const relation = `  static namingStrategy = new CamelCaseNamingStrategy()
  @manyToMany(() => Badge)
  declare badges: ManyToMany<typeof Badge>`
  // badge_users is the app strategy's pivot table; Lucid's default would be badge_user. The class
  // names nothing else itself: Lucid's default foreign key (userId, not on Badge) is still known.
  const own = findings(
    `${relation}
  @hasMany(() => Badge)
  declare given: HasMany<typeof Badge>`,
    `import CamelCaseNamingStrategy from '#app/strategy'\n`,
    { 'app/strategy.ts': strategy },
  )
  assert.equal(own.length, 1, own.join('\n'))
  assert.match(own[0] ?? '', /^user\.ts LL104 at hasMany: .*"userId"/)
  const lucids = findings(relation, `import { CamelCaseNamingStrategy } from '@adonisjs/lucid/orm'\n`)
  assert.equal(lucids.length, 1, lucids.join('\n'))
  assert.match(lucids[0] ?? '', /^user\.ts LL407 .*"badge_user" \(the naming-strategy default/)
})

/** `CODE at <the text of its range>: message` for the findings of one file. */
function findingsOf(files: Record<string, string>, fileName: string): string[] {
  const app = createTempApp(files)
  try {
    return analyzeFolder(app.root)
      .flatMap((file) => file.findings.map((f) => ({ file, f })))
      .filter(({ f }) => path.basename(f.fileName) === fileName)
      .map(({ file, f }) => `${fileName} ${f.code} at ${file.text.slice(f.start, f.end)}: ${f.message}`)
  } finally {
    app.remove()
  }
}
