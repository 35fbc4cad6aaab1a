// The model picker's order: the current file's model first, then alphabetical.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { orderModels } from '../../client/src/model-order'

const model = (name: string, file: string) => ({ name, uri: `file:///app/app/models/${file}` })

test('the current file’s model first, then the others alphabetically', () => {
  const models = [model('User', 'user.ts'), model('Category', 'category.ts'), model('Post', 'post.ts')]
  assert.deepEqual(
    orderModels(models, 'file:///app/app/models/post.ts').map((m) => m.name),
    ['Post', 'Category', 'User'],
  )
  // From a controller (no model in the file), or with no editor: alphabetical.
  assert.deepEqual(
    orderModels(models, 'file:///app/app/controllers/posts_controller.ts').map((m) => m.name),
    ['Category', 'Post', 'User'],
  )
  assert.deepEqual(
    orderModels(models).map((m) => m.name),
    ['Category', 'Post', 'User'],
  )
  // The editor escapes a drive letter's colon; the server does not.
  const windows = [model('User', 'user.ts'), { name: 'Tag', uri: 'file:///c:/app/models/tag.ts' }]
  assert.deepEqual(
    orderModels(windows, 'file:///c%3A/app/models/tag.ts').map((m) => m.name),
    ['Tag', 'User'],
  )
  assert.deepEqual(
    models.map((m) => m.name),
    ['User', 'Category', 'Post'],
    'the input is left as it was',
  )
})
