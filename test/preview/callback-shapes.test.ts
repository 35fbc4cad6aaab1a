// Every callback shape read into a plan or refused with its reason, never an internal error: as a
// preload/whereHas argument of selected code and as a relation's onQuery hook.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { callback } from '../../engine/src/plan'
import { onQueryPlan } from '../../server/src/analysis/on-query-plan'
import { planFromCode, PlanSyntaxError } from '../../server/src/preview/plan-from-code'
import { CALLBACK_SHAPES } from '../support/callback-shapes'

function hook(source: string): ReturnType<typeof onQueryPlan> {
  const file = ts.createSourceFile('model.ts', `({ onQuery: ${source} })`, ts.ScriptTarget.Latest, true)
  const statement = file.statements[0] as ts.ExpressionStatement
  const object = (statement.expression as ts.ParenthesizedExpression).expression as ts.ObjectLiteralExpression
  return onQueryPlan(ts, (object.properties[0] as ts.PropertyAssignment).initializer)
}

for (const { source, expected } of CALLBACK_SHAPES) {
  test(`a preload callback ${source}`, () => {
    const code = `User.query().preload('posts', ${source})`
    if (Array.isArray(expected)) {
      assert.deepEqual(planFromCode(code).calls[1]?.args[1], callback(...expected))
      return
    }
    assert.throws(
      () => planFromCode(code),
      (error: unknown) => {
        assert.ok(error instanceof PlanSyntaxError, String(error))
        assert.match(error.message, expected)
        assert.ok(error.offset >= 30 && error.offset < code.length, `offset ${error.offset}`)
        return true
      },
    )
  })

  test(`an onQuery hook ${source}`, () => {
    const plan = hook(source)
    if (Array.isArray(expected)) {
      assert.deepEqual(plan, { steps: expected.length ? [{ calls: expected }] : [] })
      return
    }
    assert.ok('unsupported' in plan, JSON.stringify(plan))
    assert.match(plan.unsupported, expected)
  })
}

test('deeply nested code is refused as such, not with a stack overflow', () => {
  const code = `User.query().where('id', ${'('.repeat(5000)}1${')'.repeat(5000)})`
  assert.throws(() => planFromCode(code), /The expression is nested too deeply to be read/)
})
