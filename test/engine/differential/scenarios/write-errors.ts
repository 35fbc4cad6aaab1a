// Dry-run writes where real Lucid throws: a missing parent key (`Cannot persist ...`), a null unique
// key value, and a statement the database refuses halfway (reported, and rolled back).
import type { WriteScenario } from '../../support/write-differential'
import { chain } from '../../support/plan-recorder'

export const WRITE_ERRORS: WriteScenario[] = [
  {
    name: 'error: a parent read without its local key cannot persist',
    lucid: async ({ User }, trx) =>
      (await User.query({ client: trx }).select('fullName').firstOrFail())
        .related('posts')
        .create({ title: 'x' }),
    plan: chain('User', (u) =>
      u.query().select('fullName').firstOrFail().related('posts').create({ title: 'x' }),
    ),
    throws: true,
  },
  {
    name: 'error: a null local key (User.uuid) cannot persist',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(4, { client: trx })).related('postsByUuid').createMany([{ title: 'x' }]),
    plan: chain('User', (u) =>
      u
        .findOrFail(4)
        .related('postsByUuid')
        .createMany([{ title: 'x' }]),
    ),
    throws: true,
  },
  {
    name: 'error: a null unique key value in fetchOrCreateMany',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .fetchOrCreateMany([{ title: null }], 'title'),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .fetchOrCreateMany([{ title: null }], 'title'),
    ),
    throws: true,
  },
  {
    name: 'error: a failing insert (NOT NULL) after a successful one is reported and rolled back',
    lucid: async ({ User }, trx) =>
      (await User.findOrFail(1, { client: trx }))
        .related('posts')
        .createMany([{ title: 'ok' }, { title: 'bad', isPublished: null }]),
    plan: chain('User', (u) =>
      u
        .findOrFail(1)
        .related('posts')
        .createMany([{ title: 'ok' }, { title: 'bad', isPublished: null }]),
    ),
    throws: true,
  },
]
