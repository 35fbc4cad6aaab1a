import { TagSchema } from '#database/schema'
import { manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class Tag extends TagSchema {
  @manyToMany(() => Post)
  declare posts: ManyToMany<typeof Post>
}
