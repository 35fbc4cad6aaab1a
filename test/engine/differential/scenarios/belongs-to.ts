// Differential scenarios: belongsTo relations (Post.author, Post.authorByUuid, Comment.post,
// Profile.user, Category.parent) through related queries, preload/load, subqueries and errors.
// The keys run the other way from hasMany: the parent's foreign key meets the related local key.
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

const RELATED_QUERIES: Scenario[] = [
  {
    name: 'belongsTo related().query(): `where <local key> = <foreign key value>` and limit 1',
    lucid: async ({ Post }) => (await Post.findOrFail(1)).related('author').query(),
    plan: chain('Post', (p) => p.findOrFail(1).related('author').query()),
  },
  {
    name: 'belongsTo related().query() with select, where and first()',
    lucid: async ({ Post }) =>
      (await Post.findOrFail(4))
        .related('author')
        .query()
        .select('fullName')
        .where('email', 'like', '%example%')
        .orWhere('id', '>', 3)
        .first(),
    plan: chain('Post', (p) =>
      p
        .findOrFail(4)
        .related('author')
        .query()
        .select('fullName')
        .where('email', 'like', '%example%')
        .orWhere('id', '>', 3)
        .first(),
    ),
  },
  {
    name: 'belongsTo related() over a null foreign key compares with `is null`',
    lucid: async ({ Post }) => (await Post.findOrFail(6)).related('author').query(),
    plan: chain('Post', (p) => p.findOrFail(6).related('author').query()),
  },
  {
    name: 'belongsTo on a uuid key, groupLimit outside a preload becomes the limit',
    lucid: async ({ Post }) =>
      (await Post.findOrFail(7)).related('authorByUuid').query().groupLimit(3).groupOrderBy('id', 'asc'),
    plan: chain('Post', (p) =>
      p.findOrFail(7).related('authorByUuid').query().groupLimit(3).groupOrderBy('id', 'asc'),
    ),
  },
  {
    name: 'belongsTo load(): single parent, `=` and limit 1',
    lucid: async ({ Post }) => {
      const post = await Post.findOrFail(2)
      await post.load('author')
      return post
    },
    plan: chain('Post', (p) => p.findOrFail(2).load('author')),
  },
  {
    name: 'belongsTo load() over a null foreign key still runs, and sets null',
    lucid: async ({ Post }) => {
      const post = await Post.findOrFail(6)
      await post.load('author', (q: Q) => q.select('email'))
      return post
    },
    plan: chain('Post', (p) => p.findOrFail(6).load('author', (q: Q) => q.select('email'))),
  },
]

const PRELOADS: Scenario[] = [
  {
    name: 'belongsTo preload: null keys left out, unique values, unmatched parents get null',
    lucid: async ({ Post }) => Post.query().preload('author'),
    plan: chain('Post', (p) => p.query().preload('author')),
  },
  {
    name: 'belongsTo preload where every foreign key is null: an empty whereIn still runs',
    lucid: async ({ Post }) => Post.query().whereNull('userId').preload('author'),
    plan: chain('Post', (p) => p.query().whereNull('userId').preload('author')),
  },
  {
    name: 'belongsTo preload callback: select appends the local key, wheres wrapped',
    lucid: async ({ Post }) =>
      Post.query()
        .orderBy('id', 'desc')
        .preload('author', (q: Q) => q.select('fullName').where('id', '<', 4).orWhere('email', 'x')),
    plan: chain('Post', (p) =>
      p
        .query()
        .orderBy('id', 'desc')
        .preload('author', (q: Q) => q.select('fullName').where('id', '<', 4).orWhere('email', 'x')),
    ),
  },
  {
    name: 'belongsTo preload on uuid keys, renamed and hidden in serialize()',
    lucid: async ({ Post }) => Post.query().preload('authorByUuid').preload('hiddenAuthor'),
    plan: chain('Post', (p) => p.query().preload('authorByUuid').preload('hiddenAuthor')),
    concurrentStatements: true,
  },
  {
    name: 'nested: hasMany posts, each preloading its belongsTo author',
    lucid: async ({ User }) =>
      User.query().preload('posts', (q: Q) => q.select('title').preload('author', (a: Q) => a.select('id'))),
    plan: chain('User', (u) =>
      u.query().preload('posts', (q: Q) => q.select('title').preload('author', (a: Q) => a.select('id'))),
    ),
  },
  {
    name: 'nested belongsTo chains: comment -> post -> author, and the post comments',
    lucid: async ({ Comment }) =>
      Comment.query().preload('post', (q: Q) => q.preload('author').preload('comments')),
    plan: chain('Comment', (c) =>
      c.query().preload('post', (q: Q) => q.preload('author').preload('comments')),
    ),
    concurrentStatements: true,
  },
  {
    name: 'self belongsTo: categories with their parent and grandparent',
    lucid: async ({ Category }) =>
      Category.query()
        .whereNotNull('parentId')
        .preload('parent', (q: Q) => q.preload('parent')),
    plan: chain('Category', (c) =>
      c
        .query()
        .whereNotNull('parentId')
        .preload('parent', (q: Q) => q.preload('parent')),
    ),
  },
  {
    name: 'hasOne and belongsTo round trip: users, their profile and its user',
    lucid: async ({ User }) => User.query().preload('profile', (q: Q) => q.preload('user')),
    plan: chain('User', (u) => u.query().preload('profile', (q: Q) => q.preload('user'))),
  },
]

const SUBQUERIES: Scenario[] = [
  {
    name: 'belongsTo withCount: `<related>.<local key> = <parent>.<foreign key>`',
    lucid: async ({ Post }) =>
      Post.query()
        .withCount('author')
        .withCount('author', (q: Q) => q.where('email', 'like', 'b%').as('bobCount')),
    plan: chain('Post', (p) =>
      p
        .query()
        .withCount('author')
        .withCount('author', (q: Q) => q.where('email', 'like', 'b%').as('bobCount')),
    ),
  },
  {
    name: 'belongsTo has, doesntHave, whereHas with a count',
    lucid: async ({ Post }) =>
      Post.query()
        .has('author')
        .whereHas('authorByUuid', (q: Q) => q.whereNotNull('email'), '>=', 1)
        .orDoesntHave('author'),
    plan: chain('Post', (p) =>
      p
        .query()
        .has('author')
        .whereHas('authorByUuid', (q: Q) => q.whereNotNull('email'), '>=', 1)
        .orDoesntHave('author'),
    ),
  },
  {
    name: 'whereHas through two belongsTo levels, and withAggregate',
    lucid: async ({ Comment }) =>
      Comment.query()
        .whereHas('post', (q: Q) => q.whereHas('author', (a: Q) => a.where('fullName', 'like', 'B%')))
        .withAggregate('post', (q: Q) => q.max('views').as('postViews')),
    plan: chain('Comment', (c) =>
      c
        .query()
        .whereHas('post', (q: Q) => q.whereHas('author', (a: Q) => a.where('fullName', 'like', 'B%')))
        .withAggregate('post', (q: Q) => q.max('views').as('postViews')),
    ),
  },
  {
    name: 'self belongsTo subqueries alias the related table adonis_temp_N',
    lucid: async ({ Category }) =>
      Category.query()
        .withCount('children')
        .withCount('parent')
        .whereHas('parent', (q: Q) => q.where('name', 'books')),
    plan: chain('Category', (c) =>
      c
        .query()
        .withCount('children')
        .withCount('parent')
        .whereHas('parent', (q: Q) => q.where('name', 'books')),
    ),
  },
  {
    name: 'preload with a whereHas on the belongsTo inside the callback',
    lucid: async ({ User }) =>
      User.query()
        .whereIn('id', [1, 2])
        .preload('posts', (q: Q) =>
          q
            .whereHas('author', (a: Q) => a.whereNotNull('email'))
            .withCount('author')
            .orderBy('id'),
        ),
    plan: chain('User', (u) =>
      u
        .query()
        .whereIn('id', [1, 2])
        .preload('posts', (q: Q) =>
          q
            .whereHas('author', (a: Q) => a.whereNotNull('email'))
            .withCount('author')
            .orderBy('id'),
        ),
    ),
  },
]

const ERRORS: Scenario[] = [
  {
    name: 'error: belongsTo preload with the foreign key not selected',
    lucid: async ({ Post }) => Post.query().select('id', 'title').preload('author'),
    plan: chain('Post', (p) => p.query().select('id', 'title').preload('author')),
    throws: true,
  },
  {
    name: 'error: belongsTo related() with the foreign key not selected says "preload" too',
    lucid: async ({ Post }) => (await Post.query().select('title').firstOrFail()).related('author').query(),
    plan: chain('Post', (p) => p.query().select('title').firstOrFail().related('author').query()),
    throws: true,
  },
  {
    name: 'error: paginate a belongsTo relation query',
    lucid: async ({ Post }) => (await Post.findOrFail(1)).related('author').query().paginate(1),
    plan: chain('Post', (p) => p.findOrFail(1).related('author').query().paginate(1)),
    throws: true,
  },
  {
    name: 'error: groupLimit in a belongsTo preload',
    lucid: async ({ Post }) => Post.query().preload('author', (q: Q) => q.groupLimit(1)),
    plan: chain('Post', (p) => p.query().preload('author', (q: Q) => q.groupLimit(1))),
    throws: true,
  },
  {
    name: 'error: a belongsTo foreign key that is not a column (checked after the local key)',
    lucid: async ({ Post }) => Post.query().preload('brokenAuthor'),
    plan: chain('Post', (p) => p.query().preload('brokenAuthor')),
    throws: true,
  },
]

export const BELONGS_TO: Scenario[] = [...RELATED_QUERIES, ...PRELOADS, ...SUBQUERIES, ...ERRORS]
