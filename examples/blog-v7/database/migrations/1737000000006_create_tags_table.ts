import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tags', (table) => {
      table.increments('id')
      table.string('name').notNullable().unique()
    })
    // Lucid's default pivot table for Post <-> Tag: the two class names, sorted, in snake case.
    this.schema.createTable('post_tag', (table) => {
      table.increments('id')
      table.integer('post_id').unsigned().notNullable().references('id').inTable('posts')
      table.integer('tag_id').unsigned().notNullable().references('id').inTable('tags')
      table.unique(['post_id', 'tag_id'])
    })
  }

  async down() {
    this.schema.dropTable('post_tag')
    this.schema.dropTable('tags')
  }
}
