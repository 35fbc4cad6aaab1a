// hasOne keys follow the hasMany rules: defaults from the parent, checked on the right model.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compareWithMarkers } from '../support/compare-markers'
import { createTempApp, POST_MODEL } from '../support/temp-app'

const USER = `import { BaseModel, column, hasOne } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'
import Profile from '#models/profile'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @hasOne(() => Post)
  declare latestPost: HasOne<typeof Post>

  @hasOne(() => Post, { foreignKey: 'userID' }) // expect LL101
  declare firstPost: HasOne<typeof Post>

  @hasOne(() => Profile) // expect LL104
  declare profile: HasOne<typeof Profile>
}
`

test('hasOne keys are checked like hasMany keys', (t) => {
  const app = createTempApp({
    'app/models/user.ts': USER,
    'app/models/profile.ts': POST_MODEL.replace('class Post', 'class Profile').replace('userId', 'ownerId'),
    'app/controllers/users_controller.ts': '',
  })
  t.after(() => app.remove())
  const { missing, unexpected, expectedCount } = compareWithMarkers(app.root)
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] })
  assert.equal(expectedCount, 2)
})
