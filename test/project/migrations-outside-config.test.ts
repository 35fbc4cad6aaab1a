// Lucid runs every migration of its folders, whatever the tsconfig includes: a package whose tsconfig
// covers only src/, or an app whose `include` leaves database/ out, still has a schema to check.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import ts from 'typescript'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp, type TempApp } from '../support/temp-app'

const TAG_MODEL = `import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class Tag extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @manyToMany(() => Post, { pivotTable: 'post_labels' })
  declare posts: ManyToMany<typeof Post>
}
`

const migration = (table: string, columns: string) => `import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('${table}', (table) => {
${columns
  .split(',')
  .map((c) => `      table.integer('${c.trim()}')`)
  .join('\n')}
    })
  }
}
`

const ONLY_APP = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true },
  include: ['app/**/*.ts', 'config/**/*.ts'],
})

function app(extra: Record<string, string> = {}): TempApp {
  return createTempApp({
    'tsconfig.json': ONLY_APP,
    'app/models/tag.ts': TAG_MODEL,
    'database/migrations/1_users.ts': migration('users', 'id, email'),
    'database/migrations/2_posts.ts': migration('posts', 'id, user_id, title'),
    'database/migrations/3_tags.ts': migration('tags', 'id'),
    ...extra,
  })
}

function codesIn(service: ProjectService, fileName: string): string[] {
  const project = service.projectFor(fileName)
  assert.ok(project, `no project for ${fileName}`)
  return project.findings(fileName).map((f) => `${f.code} ${f.message.slice(0, 60)}`)
}

test('migrations the tsconfig leaves out build the schema the models are checked against', (t) => {
  const a = app()
  t.after(() => a.remove())
  const service = new ProjectService(ts)
  const [project] = service.discover(a.root)
  assert.ok(project)
  assert.equal(project.contains(a.file('database/migrations/2_posts.ts')), true)
  assert.deepEqual([...(project.schema()?.tables.keys() ?? [])].sort(), ['posts', 'tags', 'users'])
  const findings = codesIn(service, a.file('app/models/tag.ts'))
  assert.equal(findings.length, 1, findings.join('\n'))
  assert.match(findings[0] ?? '', /^LL407 "Tag\.posts" uses pivot table "post_labels"/)
})

test('a migration written later joins the schema: the finding goes once the table exists', (t) => {
  const a = app()
  t.after(() => a.remove())
  const service = new ProjectService(ts)
  service.discover(a.root)
  const model = a.file('app/models/tag.ts')
  assert.equal(codesIn(service, model).length, 1)
  const created = a.write('database/migrations/4_post_labels.ts', migration('post_labels', 'post_id, tag_id'))
  service.fileEvent(created, 'created')
  assert.deepEqual(codesIn(service, model), [])
})

test('the folders config/database.ts names are read, not the default one', (t) => {
  const config = `import { defineConfig } from '@adonisjs/lucid'
export default defineConfig({
  connection: 'main',
  connections: {
    main: { client: 'pg', migrations: { paths: ['database/schema-changes'] } },
  },
})
`
  const a = app({
    'config/database.ts': config,
    'database/schema-changes/1_tags.ts': migration('tags', 'id'),
    'database/schema-changes/nested/2_post_labels.ts': migration('post_labels', 'post_id, tag_id'),
  })
  t.after(() => a.remove())
  const service = new ProjectService(ts)
  const [project] = service.discover(a.root)
  assert.ok(project)
  assert.deepEqual([...(project.schema()?.tables.keys() ?? [])].sort(), ['post_labels', 'tags'])
  assert.equal(project.contains(a.file('database/migrations/1_users.ts')), false)
  assert.deepEqual(codesIn(service, a.file('app/models/tag.ts')), [])
})

test('folders that cannot be read statically add nothing: no schema, nothing reported', (t) => {
  const config = `import { defineConfig } from '@adonisjs/lucid'
const folders = listFolders()
export default defineConfig({
  connection: 'main',
  connections: { main: { client: 'pg', migrations: { paths: folders } } },
})
`
  const a = app({ 'config/database.ts': config })
  t.after(() => a.remove())
  const service = new ProjectService(ts)
  const [project] = service.discover(a.root)
  assert.ok(project)
  assert.equal(project.contains(a.file('database/migrations/1_users.ts')), false)
  assert.equal(project.schema(), undefined)
  assert.deepEqual(codesIn(service, a.file('app/models/tag.ts')), [])
})
