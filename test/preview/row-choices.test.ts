// Row choices for the model pickers: which column labels a row, what the search compares, and how
// rows read back from Lucid's serialized result.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ColumnInfo, ModelInfo } from '../../engine/src/model-graph'
import { call, callback } from '../../engine/src/plan'
import { rowChoices, rowChoiceShape } from '../../server/src/preview/row-choices'

function column(attribute: string, typeText: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  return {
    attribute,
    columnName: attribute,
    isPrimary: attribute === 'id',
    serializeAs: attribute,
    decorator: 'column',
    typeText,
    declaredBy: 'M',
    ...extra,
  }
}

function model(columns: ColumnInfo[], primaryKey = 'id'): ModelInfo {
  return {
    name: 'M',
    table: 'ms',
    tableIsExplicit: false,
    primaryKey,
    namingStrategy: 'snake',
    columns,
    relations: [],
    isAbstract: false,
  }
}

test('the label: a known name first, then the first text column, else the key', () => {
  const label = (columns: ColumnInfo[]) => rowChoiceShape(model(columns), '', 10)?.label.attribute
  assert.equal(label([column('id', 'number'), column('bio', 'string'), column('title', 'string')]), 'title')
  assert.equal(label([column('id', 'number'), column('Email', 'string'), column('name', 'string')]), 'name')
  assert.equal(
    label([column('id', 'number'), column('views', 'number'), column('bio', 'string | null')]),
    'bio',
  )
  assert.equal(
    label([
      column('id', 'number'),
      column('name', 'string', { serializeAs: null }),
      column('at', 'DateTime'),
    ]),
    'id',
  )
  assert.equal(rowChoiceShape(model([column('id', 'number')], 'uuid'), '', 10), undefined)
})

test('uuids and references come last: a readable column labels the row and leads the details', () => {
  const shape = rowChoiceShape(
    model([
      column('id', 'string'),
      column('organizationUuid', 'string'),
      column('authorId', 'string'),
      column('apiToken', 'string'),
      column('headline', 'string'),
      column('views', 'number'),
      column('paid', 'boolean'),
    ]),
    '',
    10,
  )
  assert.equal(shape?.label.attribute, 'headline')
  assert.deepEqual(
    shape?.details.map((c) => c.attribute),
    ['views', 'paid', 'organizationUuid'],
  )
})

test('the search: digits compare with a number key, any text with the label, as bindings', () => {
  const shape = (search: string, key = 'number') =>
    rowChoiceShape(model([column('id', key), column('email', 'string')]), search, 5)
  const where = (search: string, key?: string) => shape(search, key)?.plan.calls[1]
  assert.deepEqual(shape('')?.plan.calls, [call('query'), call('orderBy', 'id'), call('limit', 5)])
  assert.deepEqual(
    where('12'),
    call('where', callback(call('where', 'id', 12), call('orWhereILike', 'email', '%12%'))),
  )
  assert.deepEqual(where("o'neil"), call('where', callback(call('whereILike', 'email', "%o'neil%"))))
  assert.deepEqual(
    where('ab-12', 'string'),
    call('where', callback(call('where', 'id', 'ab-12'), call('orWhereILike', 'email', '%ab-12%'))),
  )
  const keyOnly = rowChoiceShape(model([column('id', 'number')]), 'abc', 5)
  assert.equal(keyOnly?.matchesNothing, true)
})

test('choices: key and label from the serialized names, a few details, long values shortened', () => {
  const columns = [
    column('id', 'number'),
    column('fullName', 'string', { serializeAs: 'full_name' }),
    column('bio', 'string | null'),
    column('secret', 'string', { serializeAs: null }),
  ]
  const shape = rowChoiceShape(model(columns), '', 10)
  assert.ok(shape)
  const rows = rowChoices(
    [
      { id: 1, full_name: 'Ada', bio: 'x'.repeat(60) },
      { id: 2, full_name: null, bio: null },
    ],
    shape,
  )
  assert.deepEqual(rows, [
    { key: 1, label: 'Ada', detail: `bio: ${'x'.repeat(39)}…` },
    { key: 2, label: '2', detail: 'bio: ∅' },
  ])
})
