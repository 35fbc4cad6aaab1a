// Finding the development database from config/database.ts and .env, read statically.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import { discoverDatabase, DiscoveryError } from '../../server/src/database/discover'
import { createTempApp } from '../support/temp-app'

const V6_SQLITE = `import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

export default defineConfig({
  connection: 'sqlite',
  connections: {
    sqlite: { client: 'better-sqlite3', connection: { filename: app.tmpPath('db.sqlite3') }, useNullAsDefault: true },
  },
})
`

const V5_ENV = `import Env from '@ioc:Adonis/Core/Env'
import Application from '@ioc:Adonis/Core/Application'
import type { DatabaseConfig } from '@ioc:Adonis/Lucid/Database'

const databaseConfig: DatabaseConfig = {
  connection: Env.get('DB_CONNECTION'),
  connections: {
    sqlite: { client: 'sqlite', connection: { filename: Application.tmpPath('db.sqlite3') } },
    pg: {
      client: 'pg',
      connection: {
        host: Env.get('PG_HOST'),
        port: Env.get('PG_PORT'),
        user: Env.get('PG_USER'),
        password: Env.get('PG_PASSWORD', ''),
        database: Env.get('PG_DB_NAME'),
      },
    },
  },
}

export default databaseConfig
`

test('a v6 SQLite config resolves app.tmpPath against the app root', (t) => {
  const app = createTempApp({ 'config/database.ts': V6_SQLITE })
  t.after(() => app.remove())
  const target = discoverDatabase(app.root, {})
  assert.deepEqual(target, {
    client: 'sqlite',
    filename: path.join(app.root, 'tmp', 'db.sqlite3'),
    description: 'sqlite tmp/db.sqlite3 (config/database.ts, connection "sqlite")',
  })
})

test('a v5 config follows DB_CONNECTION and the PG_* variables from .env', (t) => {
  const app = createTempApp({
    'config/database.ts': V5_ENV,
    '.env': 'DB_CONNECTION=pg\nPG_HOST=127.0.0.1\nPG_PORT=5433 # local\nPG_USER="lucid"\nPG_DB_NAME=blog\n',
  })
  t.after(() => app.remove())
  const target = discoverDatabase(app.root)
  assert.deepEqual(target, {
    client: 'pg',
    description: 'pg (config/database.ts, connection "pg")',
    host: '127.0.0.1',
    port: 5433,
    user: 'lucid',
    database: 'blog',
    password: '',
    passwordEnv: 'PG_PASSWORD',
  })
  assert.equal(
    discoverDatabase(app.root, { DB_CONNECTION: 'sqlite' }).client,
    'sqlite',
    'the environment wins over .env',
  )
})

test('what cannot be read statically is a clear error, never a guess', (t) => {
  const app = createTempApp({
    'config/database.ts': V6_SQLITE.replace("connection: 'sqlite',", 'connection: pickConnection(),'),
  })
  t.after(() => app.remove())
  assert.throws(
    () => discoverDatabase(app.root, {}),
    (e: unknown) => e instanceof DiscoveryError && /cannot be read statically/.test(e.message),
  )
  const bare = createTempApp({})
  t.after(() => bare.remove())
  assert.throws(() => discoverDatabase(bare.root, {}), /No config\/database.ts/)
})

test('env.get of a name on Object.prototype is an unset variable, so its default applies', (t) => {
  const app = createTempApp({
    'config/database.ts': V5_ENV.replace("Env.get('DB_CONNECTION')", "Env.get('constructor', 'sqlite')"),
  })
  t.after(() => app.remove())
  assert.equal(discoverDatabase(app.root, {}).client, 'sqlite')
})
