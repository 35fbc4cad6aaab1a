// Dry-run writes on queries (`related('posts').query().where(...).update()/delete()`), model statics
// (`Post.create`, `User.firstOrCreate`, ...) and instances (`merge().save()`, `delete()`), against
// real Lucid in a rolled-back transaction.
import type { WriteScenario } from '../../support/write-differential'
import { chain } from '../../support/plan-recorder'

export const QUERY_AND_MODEL_WRITES: WriteScenario[] = [
  {
    name: 'related query update: the relation constraint is added last, Lucid returns [affected]',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .query()
        .where('isPublished', false)
        .update({ views: 0 }),
    plan: chain('User', (u) =>
      u.findOrFail(1).related('posts').query().where('isPublished', false).update({ views: 0 }),
    ),
  },
  {
    name: 'related query update(column, value)',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(2, { client: trx })).related('posts').query().update('title', 'Renamed'),
    plan: chain('User', (u) => u.findOrFail(2).related('posts').query().update('title', 'Renamed')),
  },
  {
    name: 'related query delete',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx })).related('posts').query().where('views', '<', 100).delete(),
    plan: chain('User', (u) => u.findOrFail(1).related('posts').query().where('views', '<', 100).delete()),
  },
  {
    name: 'error: a relation query update over a null local key',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(4, { client: trx })).related('postsByUuid').query().update({ views: 1 }),
    plan: chain('User', (u) => u.findOrFail(4).related('postsByUuid').query().update({ views: 1 })),
    throws: true,
  },
  {
    name: 'model query delete',
    lucid: async ({ Comment }, trx) => Comment.query({ client: trx }).whereNull('postedOn').del(),
    plan: chain('Comment', (c) => c.query().whereNull('postedOn').del()),
  },
  {
    name: 'Model.create with autoCreate timestamps',
    lucid: async ({ Post }, trx) => Post.create({ title: 'Static', isPublished: true }, { client: trx }),
    plan: chain('Post', (p) => p.create({ title: 'Static', isPublished: true })),
  },
  {
    name: 'Model.createMany',
    lucid: async ({ User }, trx) =>
      User.createMany([{ fullName: 'A' }, { fullName: 'B', email: 'b@example.com' }], { client: trx }),
    plan: chain('User', (u) => u.createMany([{ fullName: 'A' }, { fullName: 'B', email: 'b@example.com' }])),
  },
  {
    name: 'Model.firstOrCreate: not found, created from both payloads',
    lucid: async ({ User }, trx) =>
      User.firstOrCreate({ email: 'new@example.com' }, { fullName: 'New' }, { client: trx }),
    plan: chain('User', (u) => u.firstOrCreate({ email: 'new@example.com' }, { fullName: 'New' })),
  },
  {
    name: 'Model.updateOrCreate: found, only the changed column is updated',
    lucid: async ({ User }, trx) =>
      User.updateOrCreate({ email: 'bob@example.com' }, { fullName: 'Robert', uuid: null }, { client: trx }),
    plan: chain('User', (u) =>
      u.updateOrCreate({ email: 'bob@example.com' }, { fullName: 'Robert', uuid: null }),
    ),
  },
  {
    name: 'Model.fetchOrCreateMany with a single key',
    lucid: async ({ Category }, trx) =>
      Category.fetchOrCreateMany('name', [{ name: 'root' }, { name: 'films', parentId: 1 }], { client: trx }),
    plan: chain('Category', (c) =>
      c.fetchOrCreateMany('name', [{ name: 'root' }, { name: 'films', parentId: 1 }]),
    ),
  },
  {
    name: 'Model.updateOrCreateMany: a merge that changes nothing writes nothing',
    lucid: async ({ Category }, trx) =>
      Category.updateOrCreateMany(
        ['name'],
        [
          { name: 'jazz', parentId: 3 },
          { name: 'rock', parentId: 3 },
          { name: 'books', parentId: 3 },
        ],
        { client: trx },
      ),
    plan: chain('Category', (c) =>
      c.updateOrCreateMany(
        ['name'],
        [
          { name: 'jazz', parentId: 3 },
          { name: 'rock', parentId: 3 },
          { name: 'books', parentId: 3 },
        ],
      ),
    ),
  },
  {
    name: 'instance merge().save(): an update of the dirty columns plus autoUpdate',
    lucid: async ({ Post }, trx) => (await Post.findOrFail(2, { client: trx })).merge({ views: 6 }).save(),
    plan: chain('Post', (p) => p.findOrFail(2).merge({ views: 6 }).save()),
  },
  {
    name: 'instance delete()',
    lucid: async ({ Post }, trx) => (await Post.findOrFail(6, { client: trx })).delete(),
    plan: chain('Post', (p) => p.findOrFail(6).delete()),
  },
  {
    name: 'a column name merges into its attribute; a string date passes through unchanged',
    lucid: async ({ Post }, trx) =>
      Post.create({ title: 'Dated', created_at: '2024-05-01 10:00:00' }, { client: trx }),
    plan: chain('Post', (p) => p.create({ title: 'Dated', created_at: '2024-05-01 10:00:00' })),
  },
  {
    name: 'allowExtraProperties keeps unknown keys in $extras',
    lucid: async ({ Post }, trx) =>
      Post.create({ title: 'Extra', mood: 'good' }, { client: trx, allowExtraProperties: true }),
    plan: chain('Post', (p) => p.create({ title: 'Extra', mood: 'good' }, { allowExtraProperties: true })),
  },
  {
    name: 'error: an unknown property is refused like Lucid',
    lucid: async ({ Post }, trx) => Post.create({ title: 'x', mood: 'good' }, { client: trx }),
    plan: chain('Post', (p) => p.create({ title: 'x', mood: 'good' })),
    throws: true,
  },
]
