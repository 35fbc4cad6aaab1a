import type { HttpContext } from '@adonisjs/core/http'
import Post from '#models/post'

export default class PostsController {
  async index() {
    return Post.query()
      .where('isPublished', true)
      .preload('author')
      .preload('coments', (comments) => comments.where('isApproved', true))
      .withCount('comments')
  }

  async comments({ params }: HttpContext) {
    const post = await Post.findOrFail(params.id)
    return post.related('comments').query().preload('author').orderBy('createdAt', 'asc')
  }
}
