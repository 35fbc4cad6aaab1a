// What the extension checks before it asks the server anything: JSON payloads, and whether the
// workspace holds a Lucid app at all.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADONISRC_GLOB, dependsOnLucid, markerGlob } from '../../client/src/app-detect'
import { jsonInputError, parseJsonInput } from '../../client/src/json-input'

test('JSON payloads: parse errors and wrong shapes are explained', () => {
  assert.deepEqual(parseJsonInput('{"title": "A"}', 'object'), { ok: true, value: { title: 'A' } })
  assert.match(jsonInputError('{title: "A"}', 'object') ?? '', /^Not valid JSON: /)
  assert.match(jsonInputError('[{"a": 1}]', 'object') ?? '', /^Expected a JSON object .*got an array/)
  assert.match(jsonInputError('"x"', 'object') ?? '', /got a string$/)
  assert.match(jsonInputError('null', 'object') ?? '', /got null$/)
  assert.equal(jsonInputError('[{"a": 1}, {"b": 2}]', 'array of objects'), undefined)
  assert.match(jsonInputError('[1, 2]', 'array of objects') ?? '', /got an array that is not all objects/)
  assert.match(jsonInputError('{"a": 1}', 'array of objects') ?? '', /got an object/)
})

test('a workspace is a Lucid app by its adonisrc or a dependency on @adonisjs/lucid', () => {
  assert.equal(markerGlob(['a.ts'], 2), '{a.ts,*/a.ts,*/*/a.ts}')
  assert.ok(ADONISRC_GLOB.includes('*/*/*/adonisrc.ts'))
  assert.ok(ADONISRC_GLOB.includes('.adonisrc.json'))
  assert.equal(dependsOnLucid('{"dependencies": {"@adonisjs/lucid": "^21.0.0"}}'), true)
  assert.equal(dependsOnLucid('{"devDependencies": {"@adonisjs/lucid": "^18.0.0"}}'), true)
  assert.equal(dependsOnLucid('{"dependencies": {"@adonisjs/core": "^6.0.0"}}'), false)
  assert.equal(dependsOnLucid('not json'), false)
  assert.equal(dependsOnLucid('null'), false)
})
