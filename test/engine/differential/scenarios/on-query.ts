// Differential scenarios: relation `onQuery` hooks (lucid-hasmany.md section 7). The hook runs once
// per relation builder, before the user's callback and before the constraint, for related().query(),
// preloads and load() (isRelatedPreloadQuery) and every subquery (isRelatedSubQuery), and not for
// persistence. The relations and their fragments are in support/on-query-fixtures.ts.
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { ON_QUERY_PLANS } from '../../support/on-query-fixtures'
import { chain } from '../../support/plan-recorder'
import type { WriteScenario } from '../../support/write-differential'

const opaque = ON_QUERY_PLANS.opaquePosts as { unsupported: string }

export const ON_QUERY: Scenario[] = [
  {
    name: 'onQuery: related().query() puts the hook where first, then the user where, then the key',
    lucid: async ({ User }) =>
      (await User.findOrFail(1)).related('publishedPosts').query().where('views', '>', 10),
    plan: chain('User', (u) => u.findOrFail(1).related('publishedPosts').query().where('views', '>', 10)),
  },
  {
    name: 'onQuery: preload runs the hook (where + orderBy) before the callback, once for all parents',
    lucid: async ({ User }) =>
      User.query().preload('latestPublished', (q: Q) => q.where('views', '<', 200).select('title')),
    plan: chain('User', (u) =>
      u.query().preload('latestPublished', (q: Q) => q.where('views', '<', 200).select('title')),
    ),
  },
  {
    name: 'onQuery: withCount and whereHas subqueries carry the hook where',
    lucid: async ({ User }) =>
      User.query()
        .withCount('publishedPosts')
        .whereHas('publishedPosts', (q: Q) => q.where('views', '>', 50)),
    plan: chain('User', (u) =>
      u
        .query()
        .withCount('publishedPosts')
        .whereHas('publishedPosts', (q: Q) => q.where('views', '>', 50)),
    ),
  },
  {
    name: 'onQuery: an orderBy reaches the withCount subquery on Lucid 21 (issue #1155)',
    lucid: async ({ User }) => User.query().withCount('orderedPosts'),
    plan: chain('User', (u) => u.query().withCount('orderedPosts')),
  },
  {
    name: 'onQuery flags: related().query() takes the isRelatedQuery branches',
    lucid: async ({ User }) => (await User.findOrFail(2)).related('guardedPosts').query(),
    plan: chain('User', (u) => u.findOrFail(2).related('guardedPosts').query()),
  },
  {
    name: 'onQuery flags: preload takes the isRelatedPreloadQuery branch',
    lucid: async ({ User }) => User.query().whereIn('id', [1, 2]).preload('guardedPosts'),
    plan: chain('User', (u) => u.query().whereIn('id', [1, 2]).preload('guardedPosts')),
  },
  {
    name: 'onQuery flags: load() is a preload too',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(1)
      await user.load('guardedPosts')
      return user
    },
    plan: chain('User', (u) => u.findOrFail(1).load('guardedPosts')),
  },
  {
    name: 'onQuery flags: withCount, has with a count and whereHas take the isRelatedSubQuery branch',
    lucid: async ({ User }) =>
      User.query()
        .withCount('guardedPosts')
        .has('guardedPosts', '>=', 1)
        .orWhereHas('guardedPosts', (q: Q) => q.where('views', 1)),
    plan: chain('User', (u) =>
      u
        .query()
        .withCount('guardedPosts')
        .has('guardedPosts', '>=', 1)
        .orWhereHas('guardedPosts', (q: Q) => q.where('views', 1)),
    ),
  },
  {
    name: 'onQuery flags: loadCount and loadAggregate build subqueries too, in one query',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(1)
      await user.loadCount('guardedPosts').loadAggregate('earlyPosts', (q: Q) => q.max('views').as('top'))
      return user
    },
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .loadCount('guardedPosts')
        .loadAggregate('earlyPosts', (q: Q) => q.max('views').as('top')),
    ),
  },
  {
    name: 'onQuery early return: a related query runs the rest',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('earlyPosts').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('earlyPosts').query()),
  },
  {
    name: 'onQuery early return: subqueries skip the rest, preloads (with groupLimit) run it',
    lucid: async ({ User }) =>
      User.query()
        .withCount('earlyPosts')
        .preload('earlyPosts', (q: Q) => q.groupLimit(1)),
    plan: chain('User', (u) =>
      u
        .query()
        .withCount('earlyPosts')
        .preload('earlyPosts', (q: Q) => q.groupLimit(1)),
    ),
  },
  {
    name: 'onQuery the analysis could not read: previewed without it, with a warning',
    lucid: async ({ User }) =>
      User.query().whereIn('id', [1, 2]).preload('opaquePosts').withCount('opaquePosts'),
    plan: chain('User', (u) =>
      u.query().whereIn('id', [1, 2]).preload('opaquePosts').withCount('opaquePosts'),
    ),
    warnings: [`onQuery of "User.opaquePosts" was not applied: ${opaque.unsupported}`],
  },
]

/** Persistence through a relation never sees its hook: the lookups are plain model queries. */
export const ON_QUERY_WRITES: WriteScenario[] = [
  {
    name: 'onQuery is not applied to persistence: firstOrCreate finds the unpublished row',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('publishedPosts')
        .firstOrCreate({ title: 'Draft notes' }),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('publishedPosts').firstOrCreate({ title: 'Draft notes' }),
    ),
  },
  {
    name: 'onQuery is not applied to persistence: create injects the key only',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(2, { client: trx })).related('guardedPosts').create({ title: 'Guarded' }),
    plan: chain('User', (u) => u.findOrFail(2).related('guardedPosts').create({ title: 'Guarded' })),
  },
]
