import Category from '#models/category'

export default class CategoriesController {
  async tree() {
    return Category.query()
      .whereNull('parentId')
      .preload('children', (children) => children.preload('children').withCount('posts'))
      .withCount('posts')
  }
}
