import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'posts'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users').index()
      table.integer('category_id').unsigned().nullable().references('id').inTable('categories').index()
      table.string('title').notNullable()
      table.string('slug').notNullable().unique()
      table.boolean('is_published').notNullable().defaultTo(false)
      table.timestamp('published_at').nullable()
      table.timestamp('created_at')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
