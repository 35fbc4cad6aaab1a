import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'

export default class UsersController {
  async index({ request }: HttpContext) {
    const page = request.input('page', 1)
    return User.query().withCount('posts').withCount('comments').orderBy('id').paginate(page, 20)
  }

  async show({ params }: HttpContext) {
    const user = await User.findOrFail(params.id)
    await user.load('organization')
    const latest = await user
      .related('posts')
      .query()
      .where('isPublished', true)
      .orderBy('publishedAt', 'desc')
      .limit(5)
    return { user, latest }
  }

  async active() {
    return User.query()
      .whereHas('posts', (posts) => posts.where('isPublished', true), '>=', 2)
      .preload('posts', (posts) => posts.groupLimit(3).groupOrderBy('createdAt', 'desc'))
  }
}
