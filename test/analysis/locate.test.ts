// What the cursor is on, for the editor features.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { locate } from '../../server/src/analysis'
import { ProjectService } from '../../server/src/project/project-service'
import { withCursor } from '../support/cursor'
import { createTempApp, USER_MODEL } from '../support/temp-app'

function targetAt(relative: string, marked: string) {
  const { text, offset } = withCursor(marked)
  const app = createTempApp({ [relative]: text })
  try {
    const project = new ProjectService(ts).projectFor(app.file(relative))
    assert.ok(project)
    const index = project.index()
    const file = index.program.getSourceFile(app.file(relative))
    assert.ok(file)
    const target = locate(index, file, offset)
    if (!target) return undefined
    switch (target.kind) {
      case 'key':
        return `key ${target.role} on ${target.owner?.name} of ${target.parent.name}.${target.relation.fact.name}`
      case 'relation-name':
        return `relation-name ${target.literal.text} on ${target.ref?.model.name} (${target.call.method})`
      case 'column':
        return `column ${target.literal.text} on ${target.ref?.model.name} (${target.call.method})`
      case 'relation':
        return `relation ${target.parent.name}.${target.relation.fact.name}`
      case 'model':
        return `model ${target.model.name}`
    }
  } finally {
    app.remove()
  }
}

const CONTROLLER = (body: string) =>
  `import User from '#models/user'\nexport async function run() {\n${body}\n}\n`

test('keys, relation names, columns, relations and models are located', () => {
  const model = (from: string, to: string) => USER_MODEL.replace(from, to)
  assert.equal(
    targetAt(
      'app/models/user.ts',
      model('@hasMany(() => Post)', "@hasMany(() => Post, { foreignKey: 'us|' })"),
    ),
    'key foreignKey on Post of User.posts',
  )
  assert.equal(
    targetAt('app/models/user.ts', model('@hasMany(() => Post)', "@hasMany(() => Post, { localKey: '|' })")),
    'key localKey on User of User.posts',
  )
  assert.equal(
    targetAt('app/models/user.ts', model('declare posts', 'declare po|sts')),
    'relation User.posts',
  )
  assert.equal(targetAt('app/models/user.ts', model('@hasMany(', '@has|Many(')), 'relation User.posts')
  assert.equal(targetAt('app/models/user.ts', model('class User', 'class Us|er')), 'model User')
  assert.equal(
    targetAt('app/controllers/c.ts', CONTROLLER("  await User.query().preload('|')")),
    'relation-name  on User (preload)',
  )
  assert.equal(
    targetAt(
      'app/controllers/c.ts',
      CONTROLLER(
        "  const u = await User.findOrFail(1)\n  await u.related('posts').query().where('ti|tle', 1)",
      ),
    ),
    'column title on Post (where)',
  )
  assert.equal(
    targetAt(
      'app/controllers/c.ts',
      CONTROLLER("  await User.query().preload('posts', (q) => q.orderBy('|'))"),
    ),
    'column  on Post (orderBy)',
  )
  assert.equal(targetAt('app/controllers/c.ts', CONTROLLER("  console.log('|')")), undefined)
})
