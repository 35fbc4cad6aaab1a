import { PostSchema } from '#database/schema'
import { belongsTo, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import Category from '#models/category'
import Comment from '#models/comment'
import Tag from '#models/tag'
import User from '#models/user'

export default class Post extends PostSchema {
  @belongsTo(() => User)
  declare author: BelongsTo<typeof User>

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  @hasMany(() => Comment)
  declare comments: HasMany<typeof Comment>

  // Planted mistake: Lucid wants the property name (postId), not the column name.
  @hasMany(() => Comment, { foreignKey: 'post_id' })
  declare approvedComments: HasMany<typeof Comment>

  @manyToMany(() => Tag)
  declare tags: ManyToMany<typeof Tag>
}
