// Differential scenarios: the less common argument forms of builder methods, where Lucid's column
// resolution has its own rules (arrays in orderBy, aliased aggregates, null values, callbacks).
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

export const BUILDER_FORMS: Scenario[] = [
  {
    name: 'orderBy with an array of strings and { column, order } objects',
    lucid: async ({ Post }) => Post.query().orderBy([{ column: 'isPublished', order: 'desc' }, 'views']),
    plan: chain('Post', (p) => p.query().orderBy([{ column: 'isPublished', order: 'desc' }, 'views'])),
  },
  {
    name: 'forPage(page, perPage) becomes offset and limit',
    lucid: async ({ Post }) => Post.query().orderBy('id').forPage(2, 3),
    plan: chain('Post', (p) => p.query().orderBy('id').forPage(2, 3)),
  },
  {
    name: 'aggregates: an alias resolves the column, no alias leaves it raw, objects resolve values',
    lucid: async ({ User }) =>
      (await User.findOrFail(1))
        .related('posts')
        .query()
        .count('userId', 'total')
        .max({ top: 'views' })
        .min('views'),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().count('userId', 'total').max({ top: 'views' }).min('views'),
    ),
  },
  {
    name: 'where(column, null), whereNot and orWhereNot callbacks',
    lucid: async ({ Post }) =>
      Post.query()
        .where('userId', null)
        .orWhereNot((q: Q) => q.where('isPublished', true).orWhere('views', '>', 50))
        .whereNot((q: Q) => q.whereNull('createdAt')),
    plan: chain('Post', (p) =>
      p
        .query()
        .where('userId', null)
        .orWhereNot((q: Q) => q.where('isPublished', true).orWhere('views', '>', 50))
        .whereNot((q: Q) => q.whereNull('createdAt')),
    ),
  },
  {
    name: 'whereIn over several columns and andWhereNotNull / andWhereIn aliases',
    lucid: async ({ Post }) =>
      Post.query()
        .whereIn(
          ['userId', 'isPublished'],
          [
            [1, 1],
            [2, 0],
          ],
        )
        .andWhereNotNull('views')
        .andWhereIn('id', [1, 2, 5]),
    plan: chain('Post', (p) =>
      p
        .query()
        .whereIn(
          ['userId', 'isPublished'],
          [
            [1, 1],
            [2, 0],
          ],
        )
        .andWhereNotNull('views')
        .andWhereIn('id', [1, 2, 5]),
    ),
  },
  {
    name: 'select with an array and aliases, a hidden column selected explicitly',
    lucid: async ({ Comment }) => Comment.query().select(['id', 'body as text', 'moderatorNote']),
    plan: chain('Comment', (c) => c.query().select(['id', 'body as text', 'moderatorNote'])),
  },
]
