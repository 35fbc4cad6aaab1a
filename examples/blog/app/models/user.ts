import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Comment from '#models/comment'
import Organization from '#models/organization'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare organizationUuid: string | null

  @column()
  declare fullName: string | null

  @column()
  declare email: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>

  @hasMany(() => Post, {
    onQuery: (query) => {
      query.where('isPublished', true)
    },
  })
  declare publishedPosts: HasMany<typeof Post>

  @hasMany(() => Comment, { foreignKey: 'authorId' })
  declare comments: HasMany<typeof Comment>

  @belongsTo(() => Organization, { foreignKey: 'organizationUuid', localKey: 'uuid' })
  declare organization: BelongsTo<typeof Organization>
}
