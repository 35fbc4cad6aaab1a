// Differential scenarios: manyToMany relations (User.skills over `skill_user` with a pivot column,
// Skill.users the other way, the self relation User.friends over `friendships`) through related
// queries, pivot clauses, preload/load, group limits and subqueries.
import type { Scenario } from '../../support/differential'
import type { LucidQuery as Q } from '../../support/lucid-twin'
import { chain } from '../../support/plan-recorder'

const RELATED_QUERIES: Scenario[] = [
  {
    name: 'manyToMany related().query(): related.*, pivot keys and columns as pivot_ extras, inner join',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('skills').query(),
    plan: chain('User', (u) => u.findOrFail(1).related('skills').query()),
  },
  {
    name: 'manyToMany related() select is prefixed with the related table, then where, orderBy and first()',
    lucid: async ({ User }) =>
      (await User.findOrFail(2))
        .related('skills')
        .query()
        .select('name')
        .where('name', 'like', '%s%')
        .orderBy('skills.name', 'desc')
        .first(),
    plan: chain('User', (u) =>
      u
        .findOrFail(2)
        .related('skills')
        .query()
        .select('name')
        .where('name', 'like', '%s%')
        .orderBy('skills.name', 'desc')
        .first(),
    ),
  },
  {
    name: 'manyToMany wherePivot, orWhereInPivot and whereNotNullPivot are prefixed with the pivot table',
    lucid: async ({ User }) =>
      (await User.findOrFail(2))
        .related('skills')
        .query()
        .wherePivot('proficiency', 'expert')
        .orWhereInPivot('skill_id', [3, 4])
        .whereNotNullPivot('user_id'),
    plan: chain('User', (u) =>
      u
        .findOrFail(2)
        .related('skills')
        .query()
        .wherePivot('proficiency', 'expert')
        .orWhereInPivot('skill_id', [3, 4])
        .whereNotNullPivot('user_id'),
    ),
  },
  {
    name: 'manyToMany related() aggregate: no select of columns, the join and the pivot constraint only',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('skills').query().count('* as total'),
    plan: chain('User', (u) => u.findOrFail(1).related('skills').query().count('* as total')),
  },
  {
    name: 'manyToMany related() paginate: a count query then the page',
    lucid: async ({ User }) => (await User.findOrFail(1)).related('skills').query().paginate(1, 1),
    plan: chain('User', (u) => u.findOrFail(1).related('skills').query().paginate(1, 1)),
  },
  {
    name: 'manyToMany whereNotPivot inside a where callback keeps the pivot prefix',
    lucid: async ({ Skill }) =>
      (await Skill.findOrFail(2))
        .related('users')
        .query()
        .where((q: Q) => q.whereNotPivot('proficiency', 'novice').orWhereNullPivot('proficiency')),
    plan: chain('Skill', (s) =>
      s
        .findOrFail(2)
        .related('users')
        .query()
        .where((q: Q) => q.whereNotPivot('proficiency', 'novice').orWhereNullPivot('proficiency')),
    ),
  },
]

const PRELOADS: Scenario[] = [
  {
    name: 'manyToMany preload: whereIn on the pivot foreign key, rows matched on pivot_user_id',
    lucid: async ({ User }) => User.query().preload('skills'),
    plan: chain('User', (u) => u.query().preload('skills')),
  },
  {
    name: 'manyToMany nested preload both ways, with a select that gets the related key added',
    lucid: async ({ User }) =>
      User.query()
        .where('id', '<', 3)
        .preload('skills', (q: Q) => q.select('name').preload('users')),
    plan: chain('User', (u) =>
      u
        .query()
        .where('id', '<', 3)
        .preload('skills', (q: Q) => q.select('name').preload('users')),
    ),
  },
  {
    name: 'manyToMany preload with wherePivot and groupLimit: row_number over the pivot foreign key',
    lucid: async ({ User }) =>
      User.query().preload('skills', (q: Q) => q.whereNotNullPivot('proficiency').groupLimit(1)),
    plan: chain('User', (u) =>
      u.query().preload('skills', (q: Q) => q.whereNotNullPivot('proficiency').groupLimit(1)),
    ),
  },
  {
    name: 'manyToMany load(): single parent, `=` on the pivot foreign key',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(4)
      await user.load('skills')
      return user
    },
    plan: chain('User', (u) => u.findOrFail(4).load('skills')),
  },
  {
    name: 'manyToMany load() on a parent without rows sets an empty list',
    lucid: async ({ User }) => {
      const user = await User.findOrFail(3)
      await user.load('skills')
      return user
    },
    plan: chain('User', (u) => u.findOrFail(3).load('skills')),
  },
  {
    name: 'manyToMany self relation preload',
    lucid: async ({ User }) => User.query().preload('friends'),
    plan: chain('User', (u) => u.query().preload('friends')),
  },
]

const SUBQUERIES: Scenario[] = [
  {
    name: 'manyToMany withCount: the subquery joins the pivot and compares the parent key with it',
    lucid: async ({ User }) => User.query().withCount('skills'),
    plan: chain('User', (u) => u.query().withCount('skills')),
  },
  {
    name: 'manyToMany whereHas with wherePivot, and has with a count',
    lucid: async ({ User }) =>
      User.query()
        .whereHas('skills', (q: Q) => q.wherePivot('proficiency', 'expert'))
        .orHas('skills', '>=', 2),
    plan: chain('User', (u) =>
      u
        .query()
        .whereHas('skills', (q: Q) => q.wherePivot('proficiency', 'expert'))
        .orHas('skills', '>=', 2),
    ),
  },
  {
    name: 'manyToMany self relation subqueries alias the related table adonis_temp_<N>',
    lucid: async ({ User }) =>
      User.query()
        .withCount('posts')
        .withCount('friends')
        .whereDoesntHave('friends', (q: Q) => q.where('fullName', 'Dee Null')),
    plan: chain('User', (u) =>
      u
        .query()
        .withCount('posts')
        .withCount('friends')
        .whereDoesntHave('friends', (q: Q) => q.where('fullName', 'Dee Null')),
    ),
  },
  {
    name: 'manyToMany doesntHave from the other side, with a select in the subquery callback',
    lucid: async ({ Skill }) =>
      Skill.query()
        .whereHas('users', (q: Q) => q.select('id').where('fullName', 'like', 'B%'))
        .orDoesntHave('users'),
    plan: chain('Skill', (s) =>
      s
        .query()
        .whereHas('users', (q: Q) => q.select('id').where('fullName', 'like', 'B%'))
        .orDoesntHave('users'),
    ),
  },
]

export const MANY_TO_MANY: Scenario[] = [...RELATED_QUERIES, ...PRELOADS, ...SUBQUERIES]
