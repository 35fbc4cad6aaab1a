// Dry-run writes through a relation (`user.related('posts').<method>`), against real Lucid in a
// rolled-back transaction: parent saved first, foreign key injected and overridden per method (G6),
// lookups with one `whereIn` per key in order, strict key equality, duplicates, no predicate (G5).
import type { WriteScenario } from '../../support/write-differential'
import { chain } from '../../support/plan-recorder'

export const RELATION_WRITES: WriteScenario[] = [
  {
    name: 'create: the foreign key is injected and autoCreate timestamps are set',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx })).related('posts').create({ title: 'New post', views: 3 }),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').create({ title: 'New post', views: 3 })),
  },
  {
    name: 'create: an explicit foreign key is overridden by the parent key (G6)',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx })).related('posts').create({ userId: 2, title: 'Mine' }),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').create({ userId: 2, title: 'Mine' })),
  },
  {
    name: 'create: an unpersisted parent is inserted first',
    lucid: async ({ User }, trx) => {
      const user = new User().merge({ fullName: 'Neo' }).useTransaction(trx)
      return user.related('posts').create({ title: 'First' })
    },
    plan: chain('User', (u) =>
      u.new().merge({ fullName: 'Neo' }).related('posts').create({ title: 'First' }),
    ),
  },
  {
    name: 'createMany: one insert per row, in order, each with the foreign key',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(2, { client: trx })).related('posts').createMany([
        { title: 'One', userId: 9 },
        { title: 'Two', isPublished: true },
      ]),
    plan: chain('User', (u) =>
      u
        .findOrFail(2)
        .related('posts')
        .createMany([
          { title: 'One', userId: 9 },
          { title: 'Two', isPublished: true },
        ]),
    ),
  },
  {
    name: 'save: an object stands for new Post().merge(object); the foreign key is overwritten',
    lucid: async ({ User, Post }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .save(new Post().merge({ title: 'Saved', userId: 3 })),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').save({ title: 'Saved', userId: 3 })),
  },
  {
    name: 'saveMany: sequential saves in input order',
    lucid: async ({ User, Post }, trx) =>
      (await User.findOrFail(3, { client: trx }))
        .related('posts')
        .saveMany([new Post().merge({ title: 'A' }), new Post().merge({ title: 'B', views: 2 })]),
    plan: chain('User', (u) =>
      u
        .findOrFail(3)
        .related('posts')
        .saveMany([{ title: 'A' }, { title: 'B', views: 2 }]),
    ),
  },
  {
    name: 'firstOrCreate: an existing row is returned and nothing is written',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx })).related('posts').firstOrCreate({ title: 'Hello world' }),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').firstOrCreate({ title: 'Hello world' })),
  },
  {
    name: 'firstOrCreate: the save payload overrides the foreign key on create (G6)',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .firstOrCreate({ title: 'Fresh' }, { userId: 2, views: 9 }),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').firstOrCreate({ title: 'Fresh' }, { userId: 2, views: 9 }),
    ),
  },
  {
    name: 'updateOrCreate: a found row updates its dirty columns and autoUpdate timestamps',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .updateOrCreate({ title: 'Draft notes' }, { isPublished: true, views: 5 }),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .updateOrCreate({ title: 'Draft notes' }, { isPublished: true, views: 5 }),
    ),
  },
  {
    name: 'updateOrCreate: no row, created from the search and update payloads',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(2, { client: trx }))
        .related('posts')
        .updateOrCreate({ title: 'Missing' }, { views: 1 }),
    plan: chain('User', (u) =>
      u.findOrFail(2).related('posts').updateOrCreate({ title: 'Missing' }, { views: 1 }),
    ),
  },
  {
    name: 'fetchOrCreateMany: whereIn per key in order, existing reused, duplicates inserted twice',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .fetchOrCreateMany([{ title: 'Hello world' }, { title: 'brand' }, { title: 'brand' }], 'title'),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .fetchOrCreateMany([{ title: 'Hello world' }, { title: 'brand' }, { title: 'brand' }], 'title'),
    ),
  },
  {
    name: 'fetchOrCreateMany without a predicate returns the first child for every row (G5)',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .fetchOrCreateMany([{ title: 'a' }, { title: 'b' }]),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .fetchOrCreateMany([{ title: 'a' }, { title: 'b' }]),
    ),
  },
  {
    name: 'fetchOrCreateMany without a predicate creates rows only for a parent without children',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(3, { client: trx }))
        .related('posts')
        .fetchOrCreateMany([{ title: 'a' }, { title: 'b' }]),
    plan: chain('User', (u) =>
      u
        .findOrFail(3)
        .related('posts')
        .fetchOrCreateMany([{ title: 'a' }, { title: 'b' }]),
    ),
  },
  {
    name: 'fetchOrCreateMany: strict equality, the string "120" never matches the number 120',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .fetchOrCreateMany([{ views: '120', title: 'Hello again' }], 'views'),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .fetchOrCreateMany([{ views: '120', title: 'Hello again' }], 'views'),
    ),
  },
  {
    name: 'updateOrCreateMany: one row matched twice is merged twice and updated once',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .updateOrCreateMany(
          [{ title: 'Hello world', views: 1 }, { title: 'Hello world', views: 2 }, { title: 'Other' }],
          ['title'],
        ),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .updateOrCreateMany(
          [{ title: 'Hello world', views: 1 }, { title: 'Hello world', views: 2 }, { title: 'Other' }],
          ['title'],
        ),
    ),
  },
  {
    name: 'hasOne create: the same foreign key rules',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(3, { client: trx })).related('profile').create({ bio: 'Cy here' }),
    plan: chain('User', (u) => u.findOrFail(3).related('profile').create({ bio: 'Cy here' })),
  },
  {
    name: 'create: a date column with autoCreate gets an ISO date',
    lucid: async ({ Post }, trx) =>
      (await Post.findOrFail(2, { client: trx })).related('comments').create({ body: 'Nice' }),
    plan: chain('Post', (p) => p.findOrFail(2).related('comments').create({ body: 'Nice' })),
  },
]
