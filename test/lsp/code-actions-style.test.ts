// Quick fixes write code in the style of the file they edit: v5 `public` members and imports, the
// onQuery parameter's name, expression-bodied callbacks, a missing `column` import.
import assert from 'node:assert/strict'
import { after, afterEach, before, test } from 'node:test'
import type { CodeAction } from 'vscode-languageserver/node'
import { LspHarness } from '../support/lsp-harness'
import { createTempApp, type TempApp } from '../support/temp-app'
import { FixRunner } from './fix-runner'

const V5_COMPANY = `import { BaseModel, column, hasMany, HasMany } from '@ioc:Adonis/Lucid/Orm'
import Employee from './Employee'
import Department from './Department'

export default class Company extends BaseModel {
  @column({ isPrimary: true })
  public uuid: string

  @hasMany(() => Employee)
  public employees: HasMany<typeof Employee>

  @hasMany(() => Department)
  public departments: HasMany<typeof Department>
}
`
const V5_EMPLOYEE = `import { BaseModel } from '@ioc:Adonis/Lucid/Orm'

export default class Employee extends BaseModel {
  public static table = 'staff'
}
`
const V5_DEPARTMENT = `import { BaseModel, column } from '@ioc:Adonis/Lucid/Orm'

export default class Department extends BaseModel {
    @column({ isPrimary: true })
    public id: number

    @column()
    public parentCompanyUuid: string
}
`
const V6_USER = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'
import Badge from '#models/badge'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Post, {
    onQuery: (q) => q.preload('user'),
  })
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, {
    onQuery(builder) {
      builder.where('title', 'x').preload('user')
    },
  })
  declare titled: HasMany<typeof Post>

  @hasMany(() => Post, { localKey: 'idd' })
  declare misnamed: HasMany<typeof Post>

  @hasMany(() => Badge)
  declare badges: HasMany<typeof Badge>
}
`
const V6_BADGE = `import { BaseModel } from '@adonisjs/lucid/orm'

export default class Badge extends BaseModel {
  declare userId: number
}
`

let v5: TempApp
let v6: TempApp
let lsp: LspHarness
let run: FixRunner

before(async () => {
  v5 = createTempApp({
    'package.json': JSON.stringify({ name: 'v5', dependencies: { '@adonisjs/lucid': '^18.4.0' } }),
    'app/Models/Company.ts': V5_COMPANY,
    'app/Models/Employee.ts': V5_EMPLOYEE,
    'app/Models/Department.ts': V5_DEPARTMENT,
  })
  v6 = createTempApp({ 'app/models/user.ts': V6_USER, 'app/models/badge.ts': V6_BADGE })
  // One server serves both apps: each file belongs to its own tsconfig.
  lsp = await LspHarness.start({ pull: true, rootPath: v6.root })
  run = new FixRunner(lsp)
})
afterEach(() => run.restore())
after(async () => {
  await lsp.stop()
  v5.remove()
  v6.remove()
})

async function fix(file: string, code: string, line: number, title: string): Promise<string> {
  const uri = await run.open(file)
  const diagnostic = await run.diagnostic(uri, code, line)
  const actions = await run.actions(uri, diagnostic.range, [diagnostic], ['quickfix'])
  const action = actions.find((a: CodeAction) => a.title === title)
  assert.ok(action, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`)
  await run.applyAndRecheck(uri, code, action)
  return uri
}

test('v5 LL104: `public` member, the string type of a uuid key, `column` added to the @ioc import', async () => {
  await fix(v5.file('app/Models/Company.ts'), 'LL104', 9, "Add column 'companyUuid' to Employee")
  const employee = await run.open(v5.file('app/Models/Employee.ts'))
  assert.equal(
    run.text(employee),
    V5_EMPLOYEE.replace('{ BaseModel }', '{ BaseModel, column }').replace(
      '  public static',
      '  @column()\n  public companyUuid: string\n\n  public static',
    ),
  )
})

test("v5 LL104: after the last column with the file's four-space indentation", async () => {
  await fix(v5.file('app/Models/Company.ts'), 'LL104', 12, "Add column 'companyUuid' to Department")
  const department = await run.open(v5.file('app/Models/Department.ts'))
  assert.ok(
    run
      .text(department)
      .endsWith('    public parentCompanyUuid: string\n\n    @column()\n    public companyUuid: string\n}\n'),
  )
})

test('v5 LL104: "Set foreignKey" names the one plausible existing column', async () => {
  const company = await fix(
    v5.file('app/Models/Company.ts'),
    'LL104',
    12,
    "Set foreignKey to 'parentCompanyUuid'",
  )
  assert.ok(run.text(company).includes("@hasMany(() => Department, { foreignKey: 'parentCompanyUuid' })"))
})

test('LL301 in an expression-bodied arrow becomes a block with the guard', async () => {
  const user = await fix(
    v6.file('app/models/user.ts'),
    'LL301',
    11,
    'Run the preload only outside subqueries (if (!q.isRelatedSubQuery))',
  )
  assert.ok(
    run
      .text(user)
      .includes(
        "    onQuery: (q) => {\n      if (!q.isRelatedSubQuery) {\n        q.preload('user')\n      }\n    },\n",
      ),
  )
})

test('LL301 in method syntax uses the parameter name', async () => {
  const user = await fix(
    v6.file('app/models/user.ts'),
    'LL301',
    17,
    'Run the preload only outside subqueries (if (!builder.isRelatedSubQuery))',
  )
  assert.ok(
    run
      .text(user)
      .includes(
        "    onQuery(builder) {\n      if (!builder.isRelatedSubQuery) {\n        builder.where('title', 'x').preload('user')\n      }\n    },",
      ),
  )
})

test('LL102 with a did-you-mean replaces the local key', async () => {
  const user = await fix(v6.file('app/models/user.ts'), 'LL102', 22, "Change to 'id'")
  assert.ok(run.text(user).includes("@hasMany(() => Post, { localKey: 'id' })"))
})

test('LL106 adds `column` to the Lucid import when the file lacks it', async () => {
  await fix(v6.file('app/models/user.ts'), 'LL106', 25, 'Add @column() to Badge.userId')
  const badge = await run.open(v6.file('app/models/badge.ts'))
  assert.equal(
    run.text(badge),
    V6_BADGE.replace('{ BaseModel }', '{ BaseModel, column }').replace('  declare', '  @column()\n  declare'),
  )
})
