// Differential scenarios where real Lucid throws: the engine must fail with the same message.
// (Errors tied to one feature live beside it: findOrFail in starts, preload errors in preload, ...)
import type { Scenario } from '../../support/differential'
import { chain } from '../../support/plan-recorder'

export const ERRORS: Scenario[] = [
  {
    name: 'error: where(column) without a value',
    lucid: async ({ User }) => User.query().where('fullName'),
    plan: chain('User', (u) => u.query().where('fullName')),
    throws: true,
  },
  {
    name: 'error: whereBetween without a pair',
    lucid: async ({ User }) => User.query().whereBetween('id', [1]),
    plan: chain('User', (u) => u.query().whereBetween('id', [1])),
    throws: true,
  },
  {
    name: 'error: related() on the null result of find()',
    lucid: async ({ User }) => (await User.find(999)).related('posts').query(),
    plan: chain('User', (u) => u.find(999).related('posts').query()),
    throws: true,
  },
  {
    name: 'error: load() of an unknown relation',
    lucid: async ({ User }) => (await User.findOrFail(1)).load('nope'),
    plan: chain('User', (u) => u.findOrFail(1).load('nope')),
    throws: true,
  },
  {
    name: 'error: load() over a null local key',
    lucid: async ({ User }) => (await User.findOrFail(4)).load('postsByUuid'),
    plan: chain('User', (u) => u.findOrFail(4).load('postsByUuid')),
    throws: true,
  },
  {
    name: 'error: a missing foreign key column is reported on related() too',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('brokenPosts').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('brokenPosts').query()),
    throws: true,
  },
  {
    name: 'error: findByOrFail without a row',
    lucid: async ({ Post }) => Post.findByOrFail('title', 'missing'),
    plan: chain('Post', (p) => p.findByOrFail('title', 'missing')),
    throws: true,
  },
]
