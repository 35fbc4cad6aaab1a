// The Lucid code the commands build: valid TypeScript with every value a literal, strings escaped.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import {
  countsQuery,
  expressionTitle,
  jsLiteral,
  parseKeys,
  preloadQuery,
  relatedQuery,
  stringLiteral,
  typedKey,
  writeExpression,
} from '../../client/src/expressions'

/** Evaluates a literal the way the server reads it: as a TypeScript expression. */
function evaluate(literal: string): unknown {
  const { diagnostics } = ts.transpileModule(`export default (${literal})`, { reportDiagnostics: true })
  assert.deepEqual(
    (diagnostics ?? []).map((d) => d.messageText),
    [],
    literal,
  )
  return new Function(`return (${literal})`)()
}

test('string literals survive quotes, backslashes, line breaks and control characters', () => {
  const nasty = `it's a "test" \\ with\nnew\r\tlines \u2028 \u0000 </script> \u{1F600}`
  const literal = stringLiteral(nasty)
  assert.match(literal, /^'.*'$/s)
  assert.doesNotMatch(literal, /[\n\r\u2028]/)
  assert.equal(evaluate(literal), nasty)
  assert.equal(stringLiteral("O'Brien"), "'O\\'Brien'")
})

test('JSON values become hand-written JS literals', () => {
  assert.equal(
    jsLiteral({ title: 'A', tags: [1, 2], meta: null, ok: true }),
    "{ title: 'A', tags: [1, 2], meta: null, ok: true }",
  )
  assert.equal(
    jsLiteral({ 'needs quotes': 1, $ok: 2, _x: 3, '1st': 4 }),
    "{ 'needs quotes': 1, $ok: 2, _x: 3, '1st': 4 }",
  )
  assert.equal(jsLiteral([]), '[]')
  assert.equal(jsLiteral({}), '{}')
  assert.equal(jsLiteral(-1.5), '-1.5')
  const value = { title: "it's", nested: { list: [{ a: 'b\nc' }], empty: {} }, n: 0 }
  assert.deepEqual(evaluate(jsLiteral(value)), value)
})

test('related, counts and preload queries read as a user would write them', () => {
  assert.equal(relatedQuery('User', 1, 'posts'), "User.findOrFail(1).related('posts').query()")
  assert.equal(
    relatedQuery('Organization', '0000-ab', 'members'),
    "Organization.findOrFail('0000-ab').related('members').query()",
  )
  assert.equal(countsQuery('User', 'posts'), "User.query().withCount('posts').limit(20)")
  assert.equal(
    preloadQuery({
      model: 'User',
      primaryKey: 'id',
      parents: { kind: 'keys', keys: [1, 2] },
      relation: 'posts',
      groupLimit: 3,
      groupOrderBy: { column: 'created_at', direction: 'desc' },
      nested: ['comments'],
    }),
    "User.query().whereIn('id', [1, 2]).preload('posts', (q) => q.groupLimit(3).groupOrderBy('created_at', 'desc').preload('comments'))",
  )
  assert.equal(
    preloadQuery({
      model: 'User',
      primaryKey: 'id',
      parents: { kind: 'firstPage', limit: 20 },
      relation: 'posts',
      nested: [],
    }),
    "User.query().preload('posts').limit(20)",
  )
})

test('dry-run writes for every method', () => {
  const base = { model: 'User', key: 1, relation: 'posts' }
  assert.equal(
    writeExpression({ ...base, method: 'create', payload: { title: 'A' } }),
    "User.findOrFail(1).related('posts').create({ title: 'A' })",
  )
  assert.equal(
    writeExpression({ ...base, method: 'createMany', payload: [{ title: 'A' }, { title: 'B' }] }),
    "User.findOrFail(1).related('posts').createMany([{ title: 'A' }, { title: 'B' }])",
  )
  assert.equal(
    writeExpression({ ...base, method: 'firstOrCreate', search: { slug: 'a' }, payload: { title: 'A' } }),
    "User.findOrFail(1).related('posts').firstOrCreate({ slug: 'a' }, { title: 'A' })",
  )
  assert.equal(
    writeExpression({ ...base, method: 'updateOrCreate', search: { slug: 'a' }, payload: { title: 'B' } }),
    "User.findOrFail(1).related('posts').updateOrCreate({ slug: 'a' }, { title: 'B' })",
  )
  assert.equal(
    writeExpression({
      ...base,
      method: 'fetchOrCreateMany',
      payload: [{ title: 'A' }],
      predicate: ['title'],
    }),
    "User.findOrFail(1).related('posts').fetchOrCreateMany([{ title: 'A' }], 'title')",
  )
  assert.equal(
    writeExpression({
      ...base,
      method: 'updateOrCreateMany',
      payload: [{ title: 'A', slug: 'a' }],
      predicate: ['title', 'slug'],
    }),
    "User.findOrFail(1).related('posts').updateOrCreateMany([{ title: 'A', slug: 'a' }], ['title', 'slug'])",
  )
  assert.equal(
    writeExpression({ ...base, method: 'fetchOrCreateMany', payload: [], predicate: [] }),
    "User.findOrFail(1).related('posts').fetchOrCreateMany([])",
  )
})

test('typed keys follow the type of the keys seen', () => {
  assert.equal(typedKey(' 12 ', []), 12)
  assert.equal(typedKey('12', [1, 2]), 12)
  assert.equal(typedKey('12', ['a-uuid']), '12')
  assert.equal(typedKey('abc', [1]), 'abc')
  assert.equal(typedKey('99999999999999999999', [1]), '99999999999999999999')
  assert.deepEqual(parseKeys('1, 2,,  x ', []), [1, 2, 'x'])
})

test('titles', () => {
  assert.equal(expressionTitle("User.findOrFail(1).related('posts').query()"), 'User.posts')
  assert.equal(expressionTitle("await user.related('posts').query().preload('comments')"), 'user.posts')
  assert.equal(expressionTitle("Post.query().preload('author.organization')"), 'Post')
  assert.equal(expressionTitle('User.query().limit(2)'), 'User')
  // A preload (or a related query inside a callback) does not name what the chain reads.
  assert.equal(
    expressionTitle(
      "Category.query()\n  .whereNull('parentId')\n  .preload('children', (q) => q.related('x'))",
    ),
    'Category',
  )
  assert.equal(expressionTitle("user\n  .related('posts')\n  .query()"), 'user.posts')
  assert.equal(expressionTitle("Post.findByOrFail('slug', 'a').related('comments').query()"), 'Post.comments')
})
