// The nesting scan that keeps files TypeScript cannot parse away from it: brackets count, brackets
// in strings, template literals and comments do not.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MAX_NESTING, nestingProblem } from '../../server/src/project/nesting'

const nested = (n: number) => `const x = ${'('.repeat(n)}1${')'.repeat(n)}\n`

test('brackets nested past the limit are reported with the depth and the line', () => {
  assert.equal(nestingProblem(nested(MAX_NESTING)), undefined)
  assert.equal(
    nestingProblem(`// one\n${nested(MAX_NESTING + 1)}`),
    `its brackets nest ${MAX_NESTING + 1} levels deep at line 2 (Lucid Lens reads files nested up to ${MAX_NESTING} levels)`,
  )
  assert.match(nestingProblem(`f(${'[{'.repeat(200)}${'}]'.repeat(200)})`) ?? '', /nest 401 levels/)
})

test('brackets in strings, templates and comments do not count', () => {
  const many = '('.repeat(1000)
  for (const text of [
    `const a = '${many}'`,
    `const a = "${many}"`,
    `const a = \`${many}\``,
    `// ${many}\nconst a = 1`,
    `/* ${many} */ const a = 1`,
    `const a = 'it\\'s ${many}'`,
  ])
    assert.equal(nestingProblem(text), undefined, text.slice(0, 20))
})
