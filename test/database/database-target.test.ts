// Which database the editor reads: the lucidLens.database settings, or config/database.ts + .env
// with `auto`, the password from the client winning over .env, and editor-fit problems.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import {
  databaseTarget,
  NO_CONFIG_HINT,
  type TargetSettings,
} from '../../server/src/database/database-target'
import { DiscoveryError } from '../../server/src/database/discover'
import { createTempApp } from '../support/temp-app'

const PG_CONFIG = `import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

export default defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST'),
        port: env.get('DB_PORT'),
        user: env.get('DB_USER'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE'),
      },
    },
  },
})
`

const AUTO: TargetSettings = { connection: 'auto', file: '', host: '', port: 0, user: '', database: '' }
const ENV = {
  DB_HOST: 'db.local',
  DB_PORT: '6543',
  DB_USER: 'app',
  DB_PASSWORD: 'from-env',
  DB_DATABASE: 'blog',
}

function problem(run: () => unknown): { message: string; hint?: string } {
  try {
    run()
  } catch (error) {
    assert.ok(error instanceof DiscoveryError, String(error))
    return { message: error.message, ...(error.hint !== undefined ? { hint: error.hint } : {}) }
  }
  throw new Error('expected a DiscoveryError')
}

test('auto: the server config/database.ts names, with the password from .env or from the client', (t) => {
  const app = createTempApp({ 'config/database.ts': PG_CONFIG })
  t.after(() => app.remove())
  const fromEnv = databaseTarget(app.root, { settings: AUTO, env: ENV })
  assert.deepEqual(fromEnv, {
    target: {
      kind: 'pg',
      connection: { host: 'db.local', port: 6543, user: 'app', database: 'blog', password: 'from-env' },
    },
    label: 'postgres db.local:6543/blog',
  })
  const fromClient = databaseTarget(app.root, { settings: AUTO, env: ENV, password: 'secret' })
  assert.equal(fromClient.target.kind === 'pg' && fromClient.target.connection.password, 'secret')
  assert.deepEqual(
    problem(() => databaseTarget(app.root, { settings: AUTO, env: { DB_HOST: 'db.local' } })),
    {
      message:
        'The user and database of pg (config/database.ts, connection "postgres") cannot be read statically: set them in .env.',
      hint: "Set lucidLens.database.* or the app's .env.",
    },
  )
})

test('pg/mysql settings name the server; the password still comes from .env unless the client has one', (t) => {
  const app = createTempApp({ 'config/database.ts': PG_CONFIG })
  t.after(() => app.remove())
  const settings: TargetSettings = { ...AUTO, connection: 'mysql', user: 'root', database: 'shop' }
  assert.deepEqual(databaseTarget(app.root, { settings, env: ENV }), {
    target: {
      kind: 'mysql',
      connection: {
        host: 'localhost',
        port: undefined,
        user: 'root',
        database: 'shop',
        password: 'from-env',
      },
    },
    label: 'mysql localhost:3306/shop',
  })
  const explicit = databaseTarget(app.root, {
    settings: { ...settings, connection: 'pg', host: '10.0.0.2', port: 5433 },
    env: {},
    password: 'secret',
  })
  assert.equal(explicit.label, 'postgres 10.0.0.2:5433/shop')
  assert.equal(explicit.target.kind === 'pg' && explicit.target.connection.password, 'secret')
  assert.deepEqual(
    problem(() => databaseTarget(app.root, { settings: { ...AUTO, connection: 'pg' }, env: {} })),
    {
      message:
        'lucidLens.database.connection is "pg" but lucidLens.database.user and lucidLens.database.database are empty.',
      hint: 'Set the database server in lucidLens.database.host, port, user and database.',
    },
  )
})

test('sqlite settings: a file relative to the app, which must exist', (t) => {
  const app = createTempApp({ 'tmp/dev.sqlite3': '' })
  t.after(() => app.remove())
  const settings: TargetSettings = { ...AUTO, connection: 'sqlite', file: 'tmp/dev.sqlite3' }
  assert.deepEqual(databaseTarget(app.root, { settings }), {
    target: { kind: 'sqlite', file: path.join(app.root, 'tmp', 'dev.sqlite3') },
    label: 'sqlite tmp/dev.sqlite3',
  })
  assert.deepEqual(
    problem(() => databaseTarget(app.root, { settings: { ...settings, file: 'tmp/other.sqlite3' } })),
    {
      message:
        'The SQLite database tmp/other.sqlite3 does not exist yet (node ace migration:run creates it).',
      hint: 'Run node ace migration:run.',
    },
  )
  assert.deepEqual(
    problem(() => databaseTarget(app.root, { settings: { ...settings, file: '' } })),
    {
      message: 'lucidLens.database.connection is "sqlite" but lucidLens.database.file is empty.',
      hint: 'Set lucidLens.database.file to the database file (relative to the app folder).',
    },
  )
})

test('auto without config/database.ts: the problem and where to set the database', (t) => {
  const app = createTempApp()
  t.after(() => app.remove())
  assert.deepEqual(
    problem(() => databaseTarget(app.root, { settings: AUTO, env: {} })),
    {
      message: 'This app has no config/database.ts.',
      hint: NO_CONFIG_HINT,
    },
  )
})
