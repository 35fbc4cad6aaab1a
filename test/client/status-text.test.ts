// The status bar text for the server's status notification.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AppStatus } from '../../server/src/protocol'
import { statusRender } from '../../client/src/status-text'

const app = (root: string, models: number, database: AppStatus['database']): AppStatus => ({
  root,
  models,
  relations: models * 2,
  database,
})

test('one app: models and the database label', () => {
  const status = statusRender({ apps: [app('/w/blog', 12, { state: 'ok', label: 'sqlite tmp/db.sqlite3' })] })
  assert.equal(status.text, 'Lucid: 12 models · sqlite tmp/db.sqlite3')
  assert.equal(status.error, false)
  assert.match(
    status.tooltip,
    /^Lucid Lens\nblog: 12 models, 24 relations · database sqlite tmp\/db\.sqlite3\n/,
  )
  assert.equal(statusRender({ apps: [app('/w/one', 1, { state: 'none' })] }).text, 'Lucid: 1 model · no db')
})

test('a failing database: error flag, said in the text, the reason in the tooltip', () => {
  const status = statusRender({
    apps: [
      app('/w/blog', 6, {
        state: 'error',
        label: 'pg 127.0.0.1:5433/blog',
        problem: 'Cannot connect to PostgreSQL at 127.0.0.1:5433: connection refused',
      }),
    ],
  })
  assert.equal(status.text, 'Lucid: 6 models · db error: pg 127.0.0.1:5433/blog')
  assert.equal(status.error, true)
  assert.match(
    status.tooltip,
    /unreachable: Cannot connect to PostgreSQL at 127\.0\.0\.1:5433: connection refused/,
  )
})

test('database off', () => {
  const status = statusRender({ apps: [app('/w/blog', 6, { state: 'off', problem: 'untrusted workspace' })] })
  assert.equal(status.text, 'Lucid: 6 models · db off')
  assert.match(status.tooltip, /database off \(untrusted workspace\)/)
})

test('several apps: the sum and the number of apps; errors flagged', () => {
  const ok = statusRender({
    apps: [app('/w/a', 6, { state: 'ok', label: 'sqlite a.db' }), app('/w/b', 3, { state: 'none' })],
  })
  assert.equal(ok.text, 'Lucid: 9 models · 2 apps')
  assert.equal(ok.error, false)
  assert.equal(ok.tooltip.split('\n').length, 4)
  const failing = statusRender({
    apps: [app('/w/a', 6, { state: 'ok' }), app('/w/b', 3, { state: 'error', problem: 'refused' })],
  })
  assert.equal(failing.text, 'Lucid: 9 models · 2 apps · db error')
  assert.equal(failing.error, true)
  const off = statusRender({ apps: [app('/w/a', 1, { state: 'off' }), app('/w/b', 1, { state: 'off' })] })
  assert.equal(off.text, 'Lucid: 2 models · 2 apps · db off')
  assert.equal(statusRender({ apps: [] }).text, 'Lucid: no app')
})

test('what the schema checks could not check is listed under its app in the tooltip', () => {
  const status = statusRender({
    apps: [
      { ...app('/w/billing', 4, { state: 'off' }), schemaNotes: ['Table "posts" is not checked: twice.'] },
    ],
  })
  assert.match(
    status.tooltip,
    /^billing: 4 models, 8 relations · database off\n {2}not checked: Table "posts" is not checked: twice\.$/m,
  )
  assert.equal(status.text, 'Lucid: 4 models · db off')
})
