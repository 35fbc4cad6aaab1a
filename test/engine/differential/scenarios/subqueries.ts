// Differential scenarios: relationship subqueries (lucid-hasmany.md 4.4): withCount, withAggregate,
// has/whereHas/doesntHave/whereDoesntHave and their or/and forms, self relations.
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

export const SUBQUERIES: Scenario[] = [
  {
    name: 'withCount(name): `<relation>_count` in extras, not in serialize()',
    lucid: async ({ User }) => User.query().withCount('posts'),
    plan: chain('User', (u) => u.query().withCount('posts')),
  },
  {
    name: 'withCount with a callback and .as(), after a select',
    lucid: async ({ User }) =>
      User.query()
        .select('id', 'fullName')
        .withCount('posts', (q: Q) => q.where('isPublished', true).as('publishedCount')),
    plan: chain('User', (u) =>
      u
        .query()
        .select('id', 'fullName')
        .withCount('posts', (q: Q) => q.where('isPublished', true).as('publishedCount')),
    ),
  },
  {
    name: 'withAggregate (max of an attribute) next to withCount',
    lucid: async ({ User }) =>
      User.query()
        .withAggregate('posts', (q: Q) => q.max('views').as('maxViews'))
        .withCount('posts')
        .withAggregate('posts', (q: Q) => q.sum('views', 'ignored').as('totalViews')),
    plan: chain('User', (u) =>
      u
        .query()
        .withAggregate('posts', (q: Q) => q.max('views').as('maxViews'))
        .withCount('posts')
        .withAggregate('posts', (q: Q) => q.sum('views', 'ignored').as('totalViews')),
    ),
  },
  {
    name: 'has(name) and has(name, op, n)',
    lucid: async ({ User }) => User.query().has('posts').has('posts', '>=', 2),
    plan: chain('User', (u) => u.query().has('posts').has('posts', '>=', 2)),
  },
  {
    name: 'whereHas with a callback, with and without a count',
    lucid: async ({ User }) =>
      User.query()
        .whereHas('posts', (q: Q) => q.where('isPublished', true))
        .whereHas('posts', (q: Q) => q.where('views', '>', 50), '>', 1),
    plan: chain('User', (u) =>
      u
        .query()
        .whereHas('posts', (q: Q) => q.where('isPublished', true))
        .whereHas('posts', (q: Q) => q.where('views', '>', 50), '>', 1),
    ),
  },
  {
    name: 'orHas, orWhereHas, andHas, andWhereHas',
    lucid: async ({ User }) =>
      User.query()
        .where('fullName', 'Cy Park')
        .orHas('profile')
        .orWhereHas('posts', (q: Q) => q.whereLike('title', 'Bob%'))
        .andHas('posts', '<', 5)
        .andWhereHas('posts', (q: Q) => q.whereNotNull('views')),
    plan: chain('User', (u) =>
      u
        .query()
        .where('fullName', 'Cy Park')
        .orHas('profile')
        .orWhereHas('posts', (q: Q) => q.whereLike('title', 'Bob%'))
        .andHas('posts', '<', 5)
        .andWhereHas('posts', (q: Q) => q.whereNotNull('views')),
    ),
  },
  {
    name: 'doesntHave, whereDoesntHave, with and without counts',
    lucid: async ({ User }) =>
      User.query()
        .doesntHave('profile')
        .whereDoesntHave('posts', (q: Q) => q.where('isPublished', false))
        .doesntHave('posts', '>', 3),
    plan: chain('User', (u) =>
      u
        .query()
        .doesntHave('profile')
        .whereDoesntHave('posts', (q: Q) => q.where('isPublished', false))
        .doesntHave('posts', '>', 3),
    ),
  },
  {
    name: 'orDoesntHave, orWhereDoesntHave (count form), andDoesntHave, andWhereDoesntHave',
    lucid: async ({ User }) =>
      User.query()
        .where('id', 1)
        .orDoesntHave('posts')
        .orWhereDoesntHave('posts', (q: Q) => q.where('views', '>', 100), '>=', 1)
        .andDoesntHave('profile', '>', 1)
        .andWhereDoesntHave('postsByUuid', (q: Q) => q.where('title', 'x')),
    plan: chain('User', (u) =>
      u
        .query()
        .where('id', 1)
        .orDoesntHave('posts')
        .orWhereDoesntHave('posts', (q: Q) => q.where('views', '>', 100), '>=', 1)
        .andDoesntHave('profile', '>', 1)
        .andWhereDoesntHave('postsByUuid', (q: Q) => q.where('title', 'x')),
    ),
  },
  {
    name: 'nested whereHas (posts -> comments) and has inside a where group',
    lucid: async ({ User }) =>
      User.query()
        .whereHas('posts', (q: Q) => q.whereHas('comments', (c: Q) => c.where('body', 'Nice')))
        .orWhere((q: Q) => q.has('profile').whereNull('email')),
    plan: chain('User', (u) =>
      u
        .query()
        .whereHas('posts', (q: Q) => q.whereHas('comments', (c: Q) => c.where('body', 'Nice')))
        .orWhere((q: Q) => q.has('profile').whereNull('email')),
    ),
  },
  {
    name: 'self relation: adonis_temp_N counts up with each withCount, has reuses the current N',
    lucid: async ({ Category }) =>
      Category.query()
        .has('children')
        .withCount('children')
        .withCount('children', (q: Q) => q.where('name', 'novels').as('xc'))
        .whereHas('children', (q: Q) => q.has('children')),
    plan: chain('Category', (c) =>
      c
        .query()
        .has('children')
        .withCount('children')
        .withCount('children', (q: Q) => q.where('name', 'novels').as('xc'))
        .whereHas('children', (q: Q) => q.has('children')),
    ),
  },
  {
    name: 'withCount on a related query next to a groupLimit preload',
    lucid: async ({ User }) =>
      (await User.findOrFail(1))
        .related('posts')
        .query()
        .withCount('comments')
        .preload('comments', (q: Q) => q.groupLimit(1)),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .query()
        .withCount('comments')
        .preload('comments', (q: Q) => q.groupLimit(1)),
    ),
  },
  {
    name: 'error: withCount of an unknown relation',
    lucid: async ({ User }) => User.query().withCount('nope'),
    plan: chain('User', (u) => u.query().withCount('nope')),
    throws: true,
  },
  {
    name: 'error: has of an unknown relation',
    lucid: async ({ User }) => User.query().has('nope'),
    plan: chain('User', (u) => u.query().has('nope')),
    throws: true,
  },
  {
    name: 'error: withAggregate without an alias',
    lucid: async ({ User }) => User.query().withAggregate('posts', (q: Q) => q.max('views')),
    plan: chain('User', (u) => u.query().withAggregate('posts', (q: Q) => q.max('views'))),
    throws: true,
  },
  {
    name: 'error: withAggregate without an aggregate',
    lucid: async ({ User }) => User.query().withAggregate('posts', (q: Q) => q.as('x')),
    plan: chain('User', (u) => u.query().withAggregate('posts', (q: Q) => q.as('x'))),
    throws: true,
  },
]
