// Receivers typed with the app's own type aliases: `type OrgQuery = ModelQueryBuilderContract<typeof
// Organization>` names the model as surely as the type it stands for. Checked both ways: a misspelt
// relation is reported, a correct one is not, and an alias that does not pin one model says nothing.
import { test } from 'node:test'
import { assertAppMatchesMarkers } from '../support/compare-markers'

const ORGANIZATION = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Team from '#models/team'

export default class Organization extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasMany(() => Team)
  declare teams: HasMany<typeof Team>
}
`

const TEAM = `import { BaseModel, column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Organization from '#models/organization'

export default class Team extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare organizationId: number

  @belongsTo(() => Organization)
  declare organization: BelongsTo<typeof Organization>
}
`

const TYPES = `import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { HasManyQueryBuilderContract } from '@adonisjs/lucid/types/relations'
import type Organization from '#models/organization'
import type Team from '#models/team'

export type OrgQuery = ModelQueryBuilderContract<typeof Organization>
export type Query<M> = ModelQueryBuilderContract<M>
export type TeamsOf = HasManyQueryBuilderContract<typeof Team, any>
export type Org = Organization
export type OrgOrTeam = Organization | Team
export type Same = OrgQuery
`

const CONTROLLER = `import type { Org, OrgOrTeam, OrgQuery, Query, Same, TeamsOf } from '#types/queries'
import type Organization from '#models/organization'

export default class OrganizationsController {
  scoped(query: OrgQuery) {
    query.whereHas('teamz', () => {}) // expect LL201
    return query.preload('teams')
  }

  generic(query: Query<typeof Organization>) {
    return query.withCount('tems') // expect LL201
  }

  teams(query: TeamsOf) {
    query.preload('organisation') // expect LL201
    return query.preload('organization')
  }

  async instance(org: Org) {
    await org.load('teams')
    return org.related('teamss') // expect LL201
  }

  twice(query: Same) {
    return query.preload('tams') // expect LL201
  }

  either(row: OrgOrTeam) {
    return row.load('whatever')
  }
}
`

test('type aliases of the app stand for the type they name: query builders, relation builders, instances', () =>
  assertAppMatchesMarkers(
    {
      'package.json': JSON.stringify({
        name: 'alias-app',
        type: 'module',
        imports: { '#models/*': './app/models/*.js', '#types/*': './app/types/*.js' },
        dependencies: { '@adonisjs/core': '^6.12.0', '@adonisjs/lucid': '^21.1.0' },
      }),
      'app/models/organization.ts': ORGANIZATION,
      'app/models/team.ts': TEAM,
      'app/types/queries.ts': TYPES,
      'app/controllers/organizations_controller.ts': CONTROLLER,
    },
    5,
  ))
