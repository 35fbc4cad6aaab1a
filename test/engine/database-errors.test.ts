// On SQLite too, a model that disagrees with the database fails with the missing name and the model
// property that maps to it (the server tiers check the same in support/server-suites.ts).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DatabaseError } from '../../engine/src/connection/database-errors'
import type { ModelGraph } from '../../engine/src/model-graph'
import { previewSqlite } from '../../engine/src/preview'
import { createFixtureDatabase, removeFixtureDatabase } from './support/fixture-db'
import { FIXTURE_GRAPH } from './support/fixture-graph'
import { chain } from './support/plan-recorder'

let file = ''
before(() => {
  file = createFixtureDatabase()
})
after(() => removeFixtureDatabase(file))

test('a missing column or table names the model and property that lead there', async () => {
  const broken: ModelGraph = structuredClone(FIXTURE_GRAPH)
  const fullName = broken.models
    .find((m) => m.name === 'User')
    ?.columns.find((c) => c.attribute === 'fullName')
  const post = broken.models.find((m) => m.name === 'Post')
  assert.ok(fullName && post)
  fullName.columnName = 'full_nam'
  post.table = 'postz'
  const failure = (plan: ReturnType<typeof chain>) =>
    previewSqlite(broken, plan, file).then(
      () => assert.fail('expected a failure'),
      (error: unknown) => error,
    )
  const column = await failure(chain('User', (u) => u.query().select('fullName')))
  assert.ok(column instanceof DatabaseError)
  assert.equal(column.code, 'E_NO_SUCH_COLUMN')
  assert.equal(
    column.message,
    'The column "full_nam" does not exist (no such column: full_nam). It is the column of "User.fullName": ' +
      'run the migrations or fix the column name (`columnName`).',
  )
  assert.deepEqual(
    column.statements.map((s) => s.sql),
    ['select `full_nam` from `users`'],
  )
  const table = await failure(chain('User', (u) => u.query().preload('posts')))
  assert.ok(table instanceof DatabaseError)
  assert.equal(table.code, 'E_NO_SUCH_TABLE')
  assert.match(table.message, /^The table "postz" does not exist .* It is the table of the model "Post"/)
  const unknown = await failure(chain('User', (u) => u.query().where('nickname', 'x')))
  assert.match(String(unknown), /The column "nickname" does not exist .* No model column maps to it/)
})
