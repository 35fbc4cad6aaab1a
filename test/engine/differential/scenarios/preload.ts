// Differential scenarios: eager loading with `preload` (lucid-hasmany.md 4.2, 4.3, 5).
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

export const PRELOADS: Scenario[] = [
  {
    name: 'preload(name): one whereIn over unique parent keys, rows matched by strict equality',
    lucid: async ({ User }) => User.query().preload('posts'),
    plan: chain('User', (u) => u.query().preload('posts')),
  },
  {
    name: 'preload callback wheres are wrapped before the whereIn',
    lucid: async ({ User }) =>
      User.query().preload('posts', (q: Q) =>
        q.where('isPublished', true).orWhere('views', '>', 100).orderBy('id', 'desc'),
      ),
    plan: chain('User', (u) =>
      u
        .query()
        .preload('posts', (q: Q) =>
          q.where('isPublished', true).orWhere('views', '>', 100).orderBy('id', 'desc'),
        ),
    ),
  },
  {
    name: 'preload select appends the foreign key column',
    lucid: async ({ User }) => User.query().preload('posts', (q: Q) => q.select('title')),
    plan: chain('User', (u) => u.query().preload('posts', (q: Q) => q.select('title'))),
  },
  {
    name: 'groupLimit with the default order (primary key desc), unquoted v21 fragment',
    lucid: async ({ User }) => User.query().preload('posts', (q: Q) => q.groupLimit(2)),
    plan: chain('User', (u) => u.query().preload('posts', (q: Q) => q.groupLimit(2))),
  },
  {
    name: 'groupLimit + groupOrderBy + select + where',
    lucid: async ({ User }) =>
      User.query()
        .whereIn('id', [1, 2])
        .preload('posts', (q: Q) =>
          q.select('title', 'views').where('isPublished', true).groupLimit(1).groupOrderBy('views', 'asc'),
        ),
    plan: chain('User', (u) =>
      u
        .query()
        .whereIn('id', [1, 2])
        .preload('posts', (q: Q) =>
          q.select('title', 'views').where('isPublished', true).groupLimit(1).groupOrderBy('views', 'asc'),
        ),
    ),
  },
  {
    name: 'a global limit in a preload callback stays inside the derived table with groupLimit',
    lucid: async ({ User }) => User.query().preload('posts', (q: Q) => q.orderBy('id', 'asc').groupLimit(3)),
    plan: chain('User', (u) => u.query().preload('posts', (q: Q) => q.orderBy('id', 'asc').groupLimit(3))),
  },
  {
    name: 'nested preloads to depth three on a self relation',
    lucid: async ({ Category }) =>
      Category.query()
        .whereNull('parentId')
        .preload('children', (q: Q) => q.preload('children', (q2: Q) => q2.preload('children'))),
    plan: chain('Category', (c) =>
      c
        .query()
        .whereNull('parentId')
        .preload('children', (q: Q) => q.preload('children', (q2: Q) => q2.preload('children'))),
    ),
  },
  {
    name: 'sibling preloads with nested ones run breadth-first, like Promise.all on one connection',
    concurrentStatements: true,
    lucid: async ({ User }) =>
      User.query()
        .preload('posts', (q: Q) => q.preload('comments'))
        .preload('articles', (q: Q) => q.groupLimit(1).preload('comments'))
        .preload('profile'),
    plan: chain('User', (u) =>
      u
        .query()
        .preload('posts', (q: Q) => q.preload('comments'))
        .preload('articles', (q: Q) => q.groupLimit(1).preload('comments'))
        .preload('profile'),
    ),
  },
  {
    name: 'serializeAs: a renamed relation and a hidden one, hidden and renamed columns',
    concurrentStatements: true,
    lucid: async ({ User }) =>
      User.query()
        .where('id', 1)
        .preload('articles', (q: Q) => q.preload('comments'))
        .preload('hiddenPosts'),
    plan: chain('User', (u) =>
      u
        .query()
        .where('id', 1)
        .preload('articles', (q: Q) => q.preload('comments'))
        .preload('hiddenPosts'),
    ),
  },
  {
    name: 'preload with zero parents runs no eager query',
    lucid: async ({ User }) => User.query().where('id', 0).preload('posts'),
    plan: chain('User', (u) => u.query().where('id', 0).preload('posts')),
  },
  {
    name: 'preload on query().first()',
    lucid: async ({ Post }) => Post.query().where('id', 1).preload('comments').first(),
    plan: chain('Post', (p) => p.query().where('id', 1).preload('comments').first()),
  },
  {
    name: 'preload over a uuid local key',
    lucid: async ({ User }) => User.query().whereNotNull('uuid').preload('postsByUuid'),
    plan: chain('User', (u) => u.query().whereNotNull('uuid').preload('postsByUuid')),
  },
  {
    name: 'withCount inside a preload callback: the foreign key joins `posts`.*',
    lucid: async ({ User }) => User.query().preload('posts', (q: Q) => q.withCount('comments')),
    plan: chain('User', (u) => u.query().preload('posts', (q: Q) => q.withCount('comments'))),
  },
  {
    name: 'preload on a related query, with groupLimit + groupOrderBy',
    lucid: async ({ User }) =>
      (await User.findOrFail(1))
        .related('posts')
        .query()
        .preload('comments', (q: Q) => q.groupLimit(1).groupOrderBy('id', 'asc')),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .query()
        .preload('comments', (q: Q) => q.groupLimit(1).groupOrderBy('id', 'asc')),
    ),
  },
  {
    name: 'error: preload over a null local key',
    lucid: async ({ User }) => User.query().preload('postsByUuid'),
    plan: chain('User', (u) => u.query().preload('postsByUuid')),
    throws: true,
  },
  {
    name: 'error: preload of an unknown relation',
    lucid: async ({ User }) => User.query().preload('nope'),
    plan: chain('User', (u) => u.query().preload('nope')),
    throws: true,
  },
  {
    name: 'error: a relation whose foreign key is not a column',
    lucid: async ({ User }) => User.query().preload('brokenPosts'),
    plan: chain('User', (u) => u.query().preload('brokenPosts')),
    throws: true,
  },
  {
    name: 'error: groupLimit on a hasOne preload',
    lucid: async ({ User }) => User.query().preload('profile', (q: Q) => q.groupLimit(1)),
    plan: chain('User', (u) => u.query().preload('profile', (q: Q) => q.groupLimit(1))),
    throws: true,
  },
  {
    name: 'error: paginate inside a preload callback',
    lucid: async ({ User }) => User.query().preload('posts', (q: Q) => q.paginate(1, 2)),
    plan: chain('User', (u) => u.query().preload('posts', (q: Q) => q.paginate(1, 2))),
    throws: true,
  },
  {
    name: 'error: paginate inside a whereHas callback',
    lucid: async ({ User }) => User.query().whereHas('posts', (q: Q) => q.paginate(1)),
    plan: chain('User', (u) => u.query().whereHas('posts', (q: Q) => q.paginate(1))),
    throws: true,
  },
]
