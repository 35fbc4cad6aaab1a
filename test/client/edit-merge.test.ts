// Merging TypeScript's rename edits with the server's: the declaration both rename is kept once, the
// key strings only the server renames are added, and the declaration is found outside quotes.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { codeEdit, mergeEdits, type PlainEdit } from '../../client/src/edit-merge'

const edit = (uri: string, line: number, from: number, to: number, newText = 'authorId'): PlainEdit => ({
  uri,
  start: { line, character: from },
  end: { line, character: to },
  newText,
})

const declaration = edit('file:///app/models/post.ts', 12, 10, 16)
const codeUse = edit('file:///app/controllers/posts_controller.ts', 4, 20, 26)
const keyString = edit('file:///app/models/user.ts', 30, 40, 46)

test('the shared declaration is kept once; strings only the server renames are added', () => {
  const merged = mergeEdits([declaration, codeUse], [declaration, keyString])
  assert.deepEqual(merged, [declaration, codeUse, keyString])
})

test('an edit of ours that overlaps one of TypeScript is dropped, a neighbour is not', () => {
  const wider = edit('file:///app/models/post.ts', 12, 8, 18)
  const next = edit('file:///app/models/post.ts', 12, 16, 20)
  assert.deepEqual(mergeEdits([declaration], [wider, next]), [declaration, next])
})

test('without TypeScript edits the server edits stand alone', () => {
  assert.deepEqual(mergeEdits([], [declaration, keyString]), [declaration, keyString])
})

test('the declaration is the first edit not preceded by a quote', () => {
  assert.equal(codeEdit([keyString, declaration], ["'", ' ']), declaration)
  assert.equal(codeEdit([keyString], ['"']), undefined)
  assert.equal(codeEdit([keyString], ['`']), undefined)
})
