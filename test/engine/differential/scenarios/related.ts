// Differential scenarios: `related(name).query()` reads and `instance.load()` (lucid-hasmany.md 4.1, 4.2).
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

export const RELATED: Scenario[] = [
  {
    name: 'related().query() alone: the constraint stands without parentheses',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('posts').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query()),
  },
  {
    name: 'where + orderBy: user wheres and the constraint get their own groups',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().where('isPublished', true).orderBy('id', 'desc'),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().where('isPublished', true).orderBy('id', 'desc'),
    ),
  },
  {
    name: 'orWhere cannot leak across the constraint; andWhere and whereNot',
    lucid: async ({ User }) =>
      (await User.findOrFail(1))
        .related('posts')
        .query()
        .where('title', 'Hello world')
        .orWhere('views', '<', 10)
        .andWhere('isPublished', '>=', 0)
        .whereNot('id', 3),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .query()
        .where('title', 'Hello world')
        .orWhere('views', '<', 10)
        .andWhere('isPublished', '>=', 0)
        .whereNot('id', 3),
    ),
  },
  {
    name: 'nested where callback, object where and table-qualified names',
    lucid: async ({ User }) =>
      (await User.findOrFail(2))
        .related('posts')
        .query()
        .where((q: Q) => q.where('isPublished', false).orWhere('posts.views', '>', 100))
        .where({ userId: 2, title: 'Bob writes' }),
    plan: chain('User', (u) =>
      u
        .findOrFail(2)
        .related('posts')
        .query()
        .where((q: Q) => q.where('isPublished', false).orWhere('posts.views', '>', 100))
        .where({ userId: 2, title: 'Bob writes' }),
    ),
  },
  {
    name: 'whereIn, whereNull, whereNotNull, whereBetween, whereLike and their or/and forms',
    lucid: async ({ User }) =>
      (await User.findOrFail(2))
        .related('posts')
        .query()
        .whereIn('id', [4, 5])
        .whereNotNull('title')
        .orWhereNull('views')
        .andWhereBetween('views', [1, 500])
        .orWhereLike('title', 'Bob%')
        .whereNotIn('isPublished', [0])
        .orWhereNotBetween('id', [100, 200]),
    plan: chain('User', (u) =>
      u
        .findOrFail(2)
        .related('posts')
        .query()
        .whereIn('id', [4, 5])
        .whereNotNull('title')
        .orWhereNull('views')
        .andWhereBetween('views', [1, 500])
        .orWhereLike('title', 'Bob%')
        .whereNotIn('isPublished', [0])
        .orWhereNotBetween('id', [100, 200]),
    ),
  },
  {
    name: 'select (no foreign key added outside preloads), limit and offset',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().select('title', 'createdAt').limit(2).offset(1),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().select('title', 'createdAt').limit(2).offset(1),
    ),
  },
  {
    name: 'select * and a table-qualified orderBy',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().select('*').orderBy('posts.title'),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query().select('*').orderBy('posts.title')),
  },
  {
    name: 'first() on a relation query',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('posts').query().orderBy('views').first(),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query().orderBy('views').first()),
  },
  {
    name: "count('* as total'): a hydrated row whose number lands in extras",
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().where('isPublished', true).count('* as total'),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().where('isPublished', true).count('* as total'),
    ),
  },
  {
    name: 'groupLimit/groupOrderBy degrade to limit and order by outside preloads',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().groupLimit(2).groupOrderBy('views', 'asc'),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().groupLimit(2).groupOrderBy('views', 'asc'),
    ),
  },
  {
    name: 'a uuid local key',
    lucid: async ({ User }) => (await User.findOrFail(2)).related('postsByUuid').query(),
    plan: chain('User', (u) => u.findOrFail(2).related('postsByUuid').query()),
  },
  {
    name: 'a hasOne relation query adds limit 1',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('profile').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('profile').query()),
  },
  {
    name: 'self relation query',
    lucid: async ({ Category }) => (await Category.findOrFail(2)).related('children').query().orderBy('name'),
    plan: chain('Category', (c) => c.findOrFail(2).related('children').query().orderBy('name')),
  },
  {
    name: 'error: related() on a null local key',
    lucid: async ({ User }) => (await User.findOrFail(4)).related('postsByUuid').query(),
    plan: chain('User', (u) => u.findOrFail(4).related('postsByUuid').query()),
    throws: true,
  },
  {
    name: 'error: related() of an unknown relation',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('nope').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('nope').query()),
    throws: true,
  },
  {
    name: 'instance.load(name)',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(1)
      await user.load('posts')
      return user
    },
    plan: chain('User', (u) => u.findOrFail(1).load('posts')),
  },
  {
    name: 'instance.load(name, cb) with groupLimit uses `=` inside the window query',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(1)
      await user.load('posts', (q: Q) => q.groupLimit(1).preload('comments'))
      return user
    },
    plan: chain('User', (u) => u.findOrFail(1).load('posts', (q: Q) => q.groupLimit(1).preload('comments'))),
  },
  {
    name: 'instance.load() of a hasOne',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(3)
      await user.load('profile')
      return user
    },
    plan: chain('User', (u) => u.findOrFail(3).load('profile')),
  },
  {
    name: 'paginate a relation query with where + orderBy: both statements carry the constraint',
    lucid: async ({ User }) =>
      (await User.findOrFail(1))
        .related('posts')
        .query()
        .where('isPublished', true)
        .orderBy('views', 'desc')
        .paginate(2, 1),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .query()
        .where('isPublished', true)
        .orderBy('views', 'desc')
        .paginate(2, 1),
    ),
  },
  {
    name: 'paginate past the last page: the page query runs and reads nothing',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('posts').query().orderBy('id').paginate(5, 2),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query().orderBy('id').paginate(5, 2)),
  },
  {
    name: 'paginate with a zero count runs no page query',
    lucid: async ({ User }) => (await User.findOrFail(3)).related('posts').query().paginate(1),
    plan: chain('User', (u) => u.findOrFail(3).related('posts').query().paginate(1)),
  },
  {
    name: 'error: paginate on a hasOne relation query',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('profile').query().paginate(1),
    plan: chain('User', (u) => u.findOrFail(1).related('profile').query().paginate(1)),
    throws: true,
  },
]
