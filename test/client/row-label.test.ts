// The row picker's items: a short key first, a long one (a uuid) after the readable value.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rowText } from '../../client/src/row-label'

test('a short key leads; a uuid key goes after the readable value it would cut off', () => {
  assert.deepEqual(rowText({ key: 12, label: 'Ada Lovelace', detail: 'email: ada@example.com' }), {
    label: '12',
    description: 'Ada Lovelace',
    detail: 'email: ada@example.com',
  })
  const uuid = '7f9c2ba4-e88f-4a5c-9c9b-1f2d3e4a5b6c'
  assert.deepEqual(rowText({ key: uuid, label: 'Ada Lovelace', detail: '' }), {
    label: 'Ada Lovelace',
    description: uuid,
  })
  // Without a readable column the key is all there is.
  assert.deepEqual(rowText({ key: uuid, label: uuid, detail: '' }), { label: uuid })
})
