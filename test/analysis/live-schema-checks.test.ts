// LL401-LL406 against a live database schema: the drift-app's models are right for its migrations
// (but for one missing index), wrong for its development database. With the database as the source,
// the database decides, and every message says which database.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { introspectDatabase } from '../../engine/src/introspect'
import { ProjectService } from '../../server/src/project/project-service'
import { createDriftApp, DRIFT_FINDINGS } from './drift-app'

function findings(root: string, service: ProjectService): { key: string; message: string }[] {
  const [project] = service.discover(root)
  assert.ok(project)
  return project
    .sourceFiles()
    .flatMap((file) =>
      project.findings(file.fileName).map((f) => ({
        key: `${path.relative(root, f.fileName)}:${file.getLineAndCharacterOfPosition(f.start).line + 1} ${f.code}`,
        message: f.message,
      })),
    )
    .sort((a, b) => a.key.localeCompare(b.key))
}

test('the live database decides the schema findings, and says so', async (t) => {
  const app = createDriftApp()
  t.after(() => app.remove())
  const migrations = findings(app.root, new ProjectService(ts))
  assert.deepEqual(
    migrations.map((f) => f.key),
    ['app/models/post.ts:23 LL405'],
  )
  assert.match(migrations[0]?.message ?? '', /according to database\/migrations/)

  const schema = await introspectDatabase({ kind: 'sqlite', file: app.db })
  schema.label = 'sqlite tmp/db.sqlite3'
  const live = new ProjectService(ts, { liveSchemas: () => ({ current: () => schema }) })
  const found = findings(app.root, live)
  assert.deepEqual(
    found.map((f) => f.key),
    DRIFT_FINDINGS,
  )
  for (const f of found)
    assert.match(f.message, /according to the database \(sqlite tmp\/db\.sqlite3\)/, f.key)
  const message = (key: string) => found.find((f) => f.key === key)?.message ?? ''
  assert.match(
    message('app/models/user.ts:16 LL403'),
    /localKey users\.id is integer .* foreignKey posts\.user_id is string \(varchar\(36\)\)/,
  )
  assert.match(
    message('app/models/user.ts:19 LL402'),
    /column "author_id" does not exist in table "comments"/,
  )
  assert.match(message('app/models/tag.ts:3 LL401'), /reads table "tags"/)
})
