// The engine re-implements luxon's `DateTime.fromSQL(...).toISO()` / `.toISODate()` for date
// columns; compare it with luxon itself on the formats SQLite drivers hand back.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DateTime } from 'luxon'
import { consumeDateColumn, serializeDateColumn } from '../../engine/src/query/date-values'
import { PreviewError } from '../../engine/src/query/errors'

const INPUTS = [
  '2024-01-02',
  '2024-01-02 03:04:05',
  '2024-01-02 03:04',
  '2024-01-02 03',
  '2024-01-02 03:04:05.1',
  '2024-01-02 03:04:05.123456',
  '2024-01-02 03:04:05Z',
  '2024-01-02 03:04:05 +02:00',
  '2024-01-02 03:04:05-0530',
  '2024-02-29 12:00:00',
  '2023-02-29 12:00:00',
  '2024-13-01',
  '2024-01-02T03:04:05',
  '2024-01-02 25:00:00',
  '0099-05-06 07:08:09',
  'yesterday',
]

test('date and dateTime columns serialize like luxon', () => {
  for (const input of INPUTS) {
    const value = consumeDateColumn(input, 'Post', 'createdAt')
    assert.equal(serializeDateColumn(value, 'dateTime'), DateTime.fromSQL(input).toISO(), input)
    assert.equal(serializeDateColumn(value, 'date'), DateTime.fromSQL(input).toISODate(), input)
  }
})

test('falsy values pass through and other types fail like Lucid', () => {
  for (const empty of [null, undefined, '', 0])
    assert.equal(consumeDateColumn(empty, 'Post', 'createdAt'), empty)
  assert.throws(
    () => consumeDateColumn(1700000000000, 'Post', 'createdAt'),
    (error: unknown) =>
      error instanceof PreviewError &&
      error.message === 'Invalid value for "Post.createdAt". number cannot be formatted',
  )
})
