// Differential scenarios: how a chain starts (model statics) and the plain model query.
import type { Scenario } from '../../support/differential'
import { chain } from '../../support/plan-recorder'

export const STARTS: Scenario[] = [
  {
    name: 'User.query() hydrates attributes, dates and unknown columns into extras',
    lucid: async ({ User }) => User.query(),
    plan: chain('User', (u) => u.query()),
  },
  {
    name: 'User.find(k) finds by primary key',
    lucid: async ({ User }) => User.find(2),
    plan: chain('User', (u) => u.find(2)),
  },
  {
    name: 'User.find(k) resolves to null when no row matches',
    lucid: async ({ User }) => User.find(999),
    plan: chain('User', (u) => u.find(999)),
  },
  {
    name: 'User.findOrFail(k) finds',
    lucid: async ({ User }) => User.findOrFail(1),
    plan: chain('User', (u) => u.findOrFail(1)),
  },
  {
    name: 'error: User.findOrFail(k) without a row',
    lucid: async ({ User }) => User.findOrFail(999),
    plan: chain('User', (u) => u.findOrFail(999)),
    throws: true,
  },
  {
    name: 'User.findBy(attribute, v) resolves a custom columnName',
    lucid: async ({ User }) => User.findBy('email', 'bob@example.com'),
    plan: chain('User', (u) => u.findBy('email', 'bob@example.com')),
  },
  {
    name: 'User.findBy({ ... }) resolves object keys',
    lucid: async ({ User }) => User.findBy({ fullName: 'Cy Park', email: null }),
    plan: chain('User', (u) => u.findBy({ fullName: 'Cy Park', email: null })),
  },
  {
    name: 'User.first() and query().first()',
    lucid: async ({ User }) => User.query().where('id', '>', 1).orderBy('fullName').first(),
    plan: chain('User', (u) => u.query().where('id', '>', 1).orderBy('fullName').first()),
  },
  {
    name: 'User.first() on the class',
    lucid: async ({ User }) => User.first(),
    plan: chain('User', (u) => u.first()),
  },
  {
    name: 'error: firstOrFail() on a query without rows',
    lucid: async ({ User }) => User.query().where('fullName', 'Nobody').firstOrFail(),
    plan: chain('User', (u) => u.query().where('fullName', 'Nobody').firstOrFail()),
    throws: true,
  },
  {
    name: 'Category.firstOrFail() on the class',
    lucid: async ({ Category }) => Category.firstOrFail(),
    plan: chain('Category', (c) => c.firstOrFail()),
  },
  {
    name: 'User.all() orders by primary key desc',
    lucid: async ({ User }) => User.all(),
    plan: chain('User', (u) => u.all()),
  },
  {
    name: 'paginate: a count query without order/limit/offset/select, then the page with its preloads',
    lucid: async ({ User }) =>
      User.query().select('id', 'fullName').orderBy('id', 'desc').preload('posts').paginate(1, 3),
    plan: chain('User', (u) =>
      u.query().select('id', 'fullName').orderBy('id', 'desc').preload('posts').paginate(1, 3),
    ),
  },
  {
    name: 'paginate(page) defaults perPage to 20',
    lucid: async ({ Category }) => Category.query().where('parentId', 1).paginate(1),
    plan: chain('Category', (c) => c.query().where('parentId', 1).paginate(1)),
  },
]
