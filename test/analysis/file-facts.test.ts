// File facts stop walking a file without calls once they have found as many classes as its text has
// `class` keywords: every class must still be found, wherever it is and however the keyword is spelled.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { fileFacts } from '../../server/src/analysis/file-facts'

function classesOf(text: string): string[] {
  const file = ts.createSourceFile('/app/models/sample.ts', text, ts.ScriptTarget.Latest, true)
  return fileFacts(ts, file).classes.map((cls) => cls.name)
}

test('a class after a mixin factory is found when both use the keyword once', () => {
  const text = `import { BaseModel } from '@adonisjs/lucid/orm'
export const withSlug = (Base: typeof BaseModel) => class extends Base {}
export default class Post extends withSlug(BaseModel) {}
`
  assert.deepEqual(classesOf(text), ['default', 'Post'])
})

test('the word in comments and strings only makes the walk go on', () => {
  const text = `// This class is a model: 'class' appears three times before the class itself.
export default class Tag {}
`
  assert.deepEqual(classesOf(text), ['Tag'])
})

test('a file without the keyword has no classes', () => {
  assert.deepEqual(classesOf(`export const classy = 1\nexport function make() { return {} }\n`), [])
})

test('a keyword spelled with a unicode escape is still a class', () => {
  // TypeScript reads `\u0063lass` as the keyword (with an error), so the class must be counted.
  assert.deepEqual(classesOf('export default \\u0063lass Escaped {}\n'), ['Escaped'])
})
