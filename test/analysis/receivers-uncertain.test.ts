// Receivers whose model is not certain get no LL201, and the receivers fixture gives the same
// findings with Lucid's real types installed (the checker then types more, and must agree).
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { compareWithMarkers } from '../support/compare-markers'
import { copyFixture, createTempApp, POST_MODEL, USER_MODEL } from '../support/temp-app'

const ADMIN_MODEL = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Admin extends BaseModel {
  @column({ isPrimary: true })
  declare id: number
}
`

const authConfig = (models: string[]): string => `import { defineConfig } from '@adonisjs/auth'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'

export default defineConfig({
  default: 'web',
  guards: {
${models.map((m, i) => `    g${i}: sessionGuard({ provider: sessionUserProvider({ model: () => import('#models/${m}') }) }),`).join('\n')}
  },
})
`

const ACCOUNT = `import type { HttpContext } from '@adonisjs/core/http'

export default class AccountController {
  async show({ auth }: HttpContext) {
    await auth.user!.load('postz') // MARK
    const user = await auth.getUserOrFail()
    await user.load('postz') // MARK
  }

  async other() {
    const auth = { user: { load: async (_name: string) => {} } }
    await auth.user.load('postz')
  }
}
`

function authApp(models: string[], marked: boolean) {
  return createTempApp({
    'app/models/user.ts': USER_MODEL,
    'app/models/post.ts': POST_MODEL,
    'app/models/admin.ts': ADMIN_MODEL,
    'config/auth.ts': authConfig(models),
    'app/controllers/account_controller.ts': ACCOUNT.replaceAll('// MARK', marked ? '// expect LL201' : ''),
  })
}

test('auth.user is the User model when every provider of config/auth.ts names it', (t) => {
  const app = authApp(['user', 'user'], true)
  t.after(() => app.remove())
  const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
  assert.equal(expectedCount, 2)
})

test('auth.user is not checked when the guards name two models, nor without config/auth.ts', (t) => {
  const two = authApp(['user', 'admin'], false)
  t.after(() => two.remove())
  assert.deepEqual(compareWithMarkers(two.root).unexpected, [])
  const none = authApp([], false)
  t.after(() => none.remove())
  fs.rmSync(path.join(none.root, 'config/auth.ts'))
  assert.deepEqual(compareWithMarkers(none.root).unexpected, [])
})

test('fixture receivers-app with the real @adonisjs/lucid installed gives the same findings', (t) => {
  const copy = copyFixture('receivers-app', { nodeModules: true })
  t.after(() => copy.remove())
  assert.ok(fs.existsSync(path.join(copy.root, 'node_modules/@adonisjs/lucid/build/src/orm/main.d.ts')))
  const { missing, unexpected } = compareWithMarkers(copy.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
})
