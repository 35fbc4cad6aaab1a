import { OrganizationSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

export default class Organization extends OrganizationSchema {
  // Members point at the organization's uuid, not its id.
  @hasMany(() => User, { localKey: 'uuid', foreignKey: 'organizationUuid' })
  declare members: HasMany<typeof User>
}
