// The User → Post relations with an `onQuery` hook that the differential suites run, each as the
// source an app would write and as the fragment the analysis reads from it. The reader test
// (test/preview/on-query-plan.test.ts) checks that reading each source gives exactly its fragment,
// so the engine and real Lucid (lucid-twin.ts) run what the analysis would hand over.
import type { OnQueryPlan, OnQueryStep, RelationInfo } from '../../../engine/src/model-graph'
import { call, callback, type Call } from '../../../engine/src/plan'

const calls = (...list: Call[]): OnQueryStep => ({ calls: list })

export const ON_QUERY_SOURCES: Record<string, string> = {
  publishedPosts: `(query) => {
    query.where('isPublished', true)
  }`,
  // Issue #1155: the order reaches the count subquery of withCount on Lucid 21.
  orderedPosts: `(query) => query.orderBy('posts.created_at', 'desc')`,
  latestPublished: `function (query) {
    query.where('isPublished', true).orderBy('createdAt', 'desc')
  }`,
  guardedPosts: `(query) => {
    if (!query.isRelatedSubQuery) {
      query.orderBy('views', 'desc')
    }
    if (query.isRelatedPreloadQuery) {
      query.where((q) => q.where('views', '>', 50).orWhereNull('views'))
    } else if (query.isRelatedQuery) {
      query.whereNotNull('title')
    } else {
      query.whereNot('title', 'Bob drafts')
    }
  }`,
  earlyPosts: `(query) => {
    if (query.isRelatedSubQuery) return
    query.orderBy('id', 'desc')
  }`,
  opaquePosts: `(query) => {
    query.where('isPublished', Status.Published)
  }`,
}

export const ON_QUERY_PLANS: Record<string, OnQueryPlan> = {
  publishedPosts: { steps: [calls(call('where', 'isPublished', true))] },
  orderedPosts: { steps: [calls(call('orderBy', 'posts.created_at', 'desc'))] },
  latestPublished: {
    steps: [calls(call('where', 'isPublished', true), call('orderBy', 'createdAt', 'desc'))],
  },
  guardedPosts: {
    steps: [
      { if: { flag: 'isRelatedSubQuery', negated: true }, then: [calls(call('orderBy', 'views', 'desc'))] },
      {
        if: { flag: 'isRelatedPreloadQuery', negated: false },
        then: [calls(call('where', callback(call('where', 'views', '>', 50), call('orWhereNull', 'views'))))],
        else: [
          {
            if: { flag: 'isRelatedQuery', negated: false },
            then: [calls(call('whereNotNull', 'title'))],
            else: [calls(call('whereNot', 'title', 'Bob drafts'))],
          },
        ],
      },
    ],
  },
  earlyPosts: {
    steps: [
      {
        if: { flag: 'isRelatedSubQuery', negated: false },
        then: [],
        else: [calls(call('orderBy', 'id', 'desc'))],
      },
    ],
  },
  opaquePosts: {
    unsupported:
      '`Status.Published` is not supported in previews: expected a literal value (string, number, boolean, null, array or object)',
  },
}

export const ON_QUERY_RELATIONS: RelationInfo[] = Object.entries(ON_QUERY_PLANS).map(([name, onQuery]) => ({
  name,
  kind: 'hasMany',
  relatedModel: 'Post',
  keys: { localKey: 'id', localKeyIsDefault: false, foreignKey: 'userId', foreignKeyIsDefault: false },
  serializeAs: name,
  hasOnQuery: true,
  onQuery,
}))
