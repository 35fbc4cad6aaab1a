// An app is an AdonisJS app, not every tsconfig.json: a frontend's nested tsconfig is no second app.
import assert from 'node:assert/strict'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp } from '../support/temp-app'

const FRONTEND_CONFIG = JSON.stringify({
  compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve', strict: true },
  include: ['./**/*.ts', './**/*.tsx'],
})

test('a nested inertia/tsconfig.json is not an app: discovery and file lookup skip it', (t) => {
  const app = createTempApp({
    'inertia/tsconfig.json': FRONTEND_CONFIG,
    'inertia/pages/users.ts': `import type User from '../../app/models/user.js'\nexport type Row = Pick<User, 'id'>\n`,
  })
  t.after(() => app.remove())
  const service = new ProjectService(ts)
  const found = service.discover(app.root)
  assert.deepEqual(
    found.map((p) => p.rootDir),
    [app.root],
  )
  assert.equal(service.projectFor(app.file('inertia/pages/users.ts')), undefined)
  assert.equal(service.projectFor(app.file('app/models/user.ts'))?.rootDir, app.root)
})

test('an app is recognised by adonisrc.ts alone, and apps side by side are all found', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-apps-'))
  t.after(() => fs.rmSync(root, { recursive: true, force: true }))
  for (const name of ['api', 'admin']) {
    fs.mkdirSync(path.join(root, name, 'inertia'), { recursive: true })
    fs.writeFileSync(path.join(root, name, 'tsconfig.json'), '{}')
    fs.writeFileSync(path.join(root, name, 'inertia', 'tsconfig.json'), FRONTEND_CONFIG)
  }
  fs.writeFileSync(path.join(root, 'api', 'adonisrc.ts'), 'export default {}\n')
  fs.writeFileSync(
    path.join(root, 'admin', 'package.json'),
    JSON.stringify({ dependencies: { '@adonisjs/core': '^7.0.0' } }),
  )
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ files: [], references: [] }))
  const found = new ProjectService(ts).discover(root).map((p) => path.relative(root, p.rootDir))
  assert.deepEqual(found.sort(), ['admin', 'api'])
})

test('with no AdonisJS app anywhere, every tsconfig is analysed as before', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-plain-'))
  t.after(() => fs.rmSync(root, { recursive: true, force: true }))
  fs.mkdirSync(path.join(root, 'web'))
  fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}')
  fs.writeFileSync(path.join(root, 'web', 'tsconfig.json'), '{}')
  const found = new ProjectService(ts).discover(root).map((p) => path.relative(root, p.rootDir))
  assert.deepEqual(found.sort(), ['', 'web'])
})
