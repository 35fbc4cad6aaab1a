// Requests VS Code sends while the language client stops answer nothing instead of logging errors.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { whileRunning } from '../../client/src/stopped-guard'

test('a stopped client is not asked; a closed channel answers empty; other errors still surface', async () => {
  let asked = 0
  const ask = () => {
    asked++
    return ['fix']
  }
  assert.deepEqual(await whileRunning(() => false, ask, []), [])
  assert.equal(asked, 0)
  assert.deepEqual(await whileRunning(() => true, ask, []), ['fix'])
  const closed = () => Promise.reject(new Error('Channel has been closed'))
  assert.deepEqual(await whileRunning(() => true, closed, []), [])
  // Stopped while the request was on its way: whatever the error, nothing is logged.
  let running = true
  const stopping = () => {
    running = false
    return Promise.reject(new Error('Request textDocument/codeAction failed.'))
  }
  assert.equal(await whileRunning(() => running, stopping, undefined), undefined)
  const broken = () => Promise.reject(new Error('Cannot read properties of undefined'))
  await assert.rejects(
    whileRunning(() => true, broken, []),
    /Cannot read properties/,
  )
})
