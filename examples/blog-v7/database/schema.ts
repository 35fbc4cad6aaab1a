import { BaseModel, column } from '@adonisjs/lucid/orm'
import { DateTime } from 'luxon'

export class CategorySchema extends BaseModel {
  static $columns = ['id', 'name', 'parentId', 'slug'] as const
  $columns = CategorySchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare name: string
  @column()
  declare parentId: number | null
  @column()
  declare slug: string
}

export class CommentSchema extends BaseModel {
  static $columns = ['authorId', 'body', 'createdAt', 'id', 'isApproved', 'postId'] as const
  $columns = CommentSchema.$columns
  @column()
  declare authorId: number
  @column()
  declare body: string
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime | null
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare isApproved: boolean
  @column()
  declare postId: number
}

export class OrganizationSchema extends BaseModel {
  static $columns = ['createdAt', 'id', 'name', 'uuid'] as const
  $columns = OrganizationSchema.$columns
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime | null
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare name: string
  @column()
  declare uuid: string
}

export class PostTagSchema extends BaseModel {
  static $columns = ['id', 'postId', 'tagId'] as const
  $columns = PostTagSchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare postId: number
  @column()
  declare tagId: number
}

export class PostSchema extends BaseModel {
  static $columns = ['categoryId', 'createdAt', 'id', 'isPublished', 'publishedAt', 'slug', 'title', 'userId'] as const
  $columns = PostSchema.$columns
  @column()
  declare categoryId: number | null
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime | null
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare isPublished: boolean
  @column.dateTime()
  declare publishedAt: DateTime | null
  @column()
  declare slug: string
  @column()
  declare title: string
  @column()
  declare userId: number
}

export class TagSchema extends BaseModel {
  static $columns = ['id', 'name'] as const
  $columns = TagSchema.$columns
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare name: string
}

export class UserSchema extends BaseModel {
  static $columns = ['createdAt', 'email', 'fullName', 'id', 'organizationUuid', 'updatedAt'] as const
  $columns = UserSchema.$columns
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime | null
  @column()
  declare email: string
  @column()
  declare fullName: string | null
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare organizationUuid: string | null
  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
