// onQuery bodies read as plan fragments (never evaluated): calls on the query parameter, `if` on one
// builder flag, early returns; anything else becomes `unsupported` with the source text.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import type { OnQueryPlan } from '../../engine/src/model-graph'
import { call } from '../../engine/src/plan'
import { onQueryPlan } from '../../server/src/analysis/on-query-plan'
import { ON_QUERY_PLANS, ON_QUERY_SOURCES } from '../engine/support/on-query-fixtures'

/** The fragment of `{ onQuery: <source> }` (or of a method when the source starts with `onQuery(`). */
function read(source: string): OnQueryPlan {
  const text = source.startsWith('onQuery(') ? `({ ${source} })` : `({ onQuery: ${source} })`
  const file = ts.createSourceFile('model.ts', text, ts.ScriptTarget.Latest, true)
  const statement = file.statements[0] as ts.ExpressionStatement
  const object = (statement.expression as ts.ParenthesizedExpression).expression as ts.ObjectLiteralExpression
  const option = object.properties[0] as ts.PropertyAssignment | ts.MethodDeclaration
  return onQueryPlan(ts, ts.isPropertyAssignment(option) ? option.initializer : option)
}

const where = (column: string, value: boolean | string) => ({ calls: [call('where', column, value)] })

test('the differential fixtures are exactly what the reader makes of their sources', () => {
  for (const [name, source] of Object.entries(ON_QUERY_SOURCES)) {
    assert.deepEqual(read(source), ON_QUERY_PLANS[name], name)
  }
})

test('early returns, methods, nested blocks and else-if chains', () => {
  const subQuery = { flag: 'isRelatedSubQuery', negated: false } as const
  assert.deepEqual(
    read(`onQuery(query) { if (query.isRelatedSubQuery) { return } query.where('a', true) }`),
    {
      steps: [{ if: subQuery, then: [], else: [where('a', true)] }],
    },
  )
  assert.deepEqual(
    read(
      `(q) => { if (!!q.isRelatedSubQuery) { q.where('a', true); return q } else { q.where('b', true) } q.where('c', true) }`,
    ),
    { steps: [{ if: subQuery, then: [where('a', true)], else: [where('b', true), where('c', true)] }] },
  )
  assert.deepEqual(read(`(q) => { { q.where('a', true) }; return q.where('b', true); }`), {
    steps: [where('a', true), where('b', true)],
  })
  assert.deepEqual(read('(query) => query'), { steps: [] })
  assert.deepEqual(read('() => {}'), { steps: [] })
})

test('what the reader cannot express is unsupported, with the source text', () => {
  const cases: [string, string][] = [
    [
      'scopeFn',
      '`scopeFn` is not supported in previews: expected an inline function, e.g. (query) => { ... }',
    ],
    [
      `(q) => { if (q.isRelatedSubQuery && flag) q.where('a', 1) }`,
      '`q.isRelatedSubQuery && flag` is not supported in previews: expected a test of one flag, e.g. !q.isRelatedSubQuery',
    ],
    [
      `(q) => { const a = 1; q.where('a', a) }`,
      '`const a = 1;` is not supported in previews: previews do not keep variables; expected calls on "q" or an if on one of its flags',
    ],
    [
      `(q) => { other.where('a', 1) }`,
      '`other.where(\'a\', 1)` is not supported in previews: it calls `other.where`, not a method of "q"; expected only calls on "q"',
    ],
    [
      `(q) => q.whereIn('id', ids)`,
      '`ids` is not supported in previews: expected a literal value (string, number, boolean, null, array or object)',
    ],
    [
      `({ where }) => where('a', 1)`,
      '`{ where }` is not supported in previews: it destructures the query builder; expected a callback with a plain parameter, e.g. (query) => query.where(...)',
    ],
  ]
  for (const [source, reason] of cases) assert.deepEqual(read(source), { unsupported: reason }, source)
})
