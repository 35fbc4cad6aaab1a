// DirectImports answers an import of the app's own files without TypeScript's resolver, so every
// answer it gives must be the one TypeScript gives (`bundler` resolution, the options the project
// runs with). Each case builds a small app on disk and asks both; the cases it leaves to TypeScript
// must answer undefined. Last, a whole project resolves through it, and its memo stays bounded.
// The cases once answered wrong, and a sweep, are in direct-imports-agreement.test.ts.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test } from 'node:test'
import ts from 'typescript'
import { DirectImports } from '../../server/src/project/direct-imports'
import { ProjectService } from '../../server/src/project/project-service'
import {
  answered,
  CONTROLLER,
  leftToTypeScript,
  MODEL,
  packageJson,
  setUp,
  tsconfig,
  USER,
} from '../support/direct-imports-setup'
import { createTempApp, POST_MODEL } from '../support/temp-app'

// Answered directly, and the same as TypeScript.

test('a relative .js import is the .ts file next to it', (t) => {
  const s = setUp(t, {})
  assert.equal(answered(s, './post.js', USER), 'app/models/post.ts')
  assert.equal(answered(s, '../models/post.js', CONTROLLER), 'app/models/post.ts')
})

test('an extensionless relative import gets .ts appended', (t) => {
  const s = setUp(t, {})
  assert.equal(answered(s, '../models/post', CONTROLLER), 'app/models/post.ts')
  assert.equal(answered(s, './post', USER), 'app/models/post.ts')
})

test('.mjs and .cjs imports are the .mts and .cts files', (t) => {
  const s = setUp(t, { 'app/models/esm.mts': MODEL, 'app/models/common.cts': MODEL })
  assert.equal(answered(s, './esm.mjs', USER), 'app/models/esm.mts')
  assert.equal(answered(s, './common.cjs', USER), 'app/models/common.cts')
})

test('a package.json imports pattern maps #models/* to app/models/*.ts', (t) => {
  const s = setUp(t, { 'package.json': packageJson({ '#models/*': './app/models/*.js' }) })
  assert.equal(answered(s, '#models/post', USER), 'app/models/post.ts')
  assert.equal(answered(s, '#models/user', CONTROLLER), 'app/models/user.ts')
  // The specifier's own .js is kept before the target's: post.js.js is looked up as post.js.ts.
  assert.equal(leftToTypeScript(s, '#models/post.js', USER), undefined)
})

test('an exact package.json imports key', (t) => {
  const s = setUp(t, { 'package.json': packageJson({ '#post': './app/models/post.js' }) })
  assert.equal(answered(s, '#post', CONTROLLER), 'app/models/post.ts')
})

test('of two imports patterns that match, the longer prefix wins, in either order', (t) => {
  const files = { 'lib/models/post.ts': MODEL }
  const first = setUp(t, {
    ...files,
    'package.json': packageJson({ '#app/*': './app/*.js', '#app/models/*': './lib/models/*.js' }),
  })
  assert.equal(answered(first, '#app/models/post', CONTROLLER), 'lib/models/post.ts')
  assert.equal(answered(first, '#app/controllers/users_controller', USER), CONTROLLER)
  const second = setUp(t, {
    ...files,
    'package.json': packageJson({ '#app/models/*': './lib/models/*.js', '#app/*': './app/*.js' }),
  })
  assert.equal(answered(second, '#app/models/post', CONTROLLER), 'lib/models/post.ts')
})

test('tsconfig paths without baseUrl start at the tsconfig folder', (t) => {
  const s = setUp(t, { 'tsconfig.json': tsconfig({ paths: { 'App/*': ['./app/*'] } }) })
  assert.equal(answered(s, 'App/models/post', CONTROLLER), 'app/models/post.ts')
  assert.equal(answered(s, 'App/models/post.js', CONTROLLER), 'app/models/post.ts')
})

test('tsconfig paths with baseUrl start at baseUrl', (t) => {
  const s = setUp(t, { 'tsconfig.json': tsconfig({ baseUrl: './app', paths: { 'Models/*': ['models/*'] } }) })
  assert.equal(answered(s, 'Models/post', CONTROLLER), 'app/models/post.ts')
})

test('an exact paths key, and the longest paths prefix wins', (t) => {
  const s = setUp(t, {
    'lib/post.ts': MODEL,
    'tsconfig.json': tsconfig({
      paths: { Post: ['./lib/post'], 'App/*': ['./app/*'], 'App/models/*': ['./lib/*'] },
    }),
  })
  assert.equal(answered(s, 'Post', USER), 'lib/post.ts')
  assert.equal(answered(s, 'App/models/post', USER), 'lib/post.ts')
  assert.equal(answered(s, 'App/controllers/users_controller', USER), CONTROLLER)
})

test('paths from an extended tsconfig start at that tsconfig folder', (t) => {
  const s = setUp(t, {
    'config/tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: { 'App/*': ['../app/*'] } } }),
    'tsconfig.json': JSON.stringify({ extends: './config/tsconfig.base.json', include: ['**/*'] }),
  })
  assert.equal((s.options as { pathsBasePath?: string }).pathsBasePath, s.app.file('config'))
  assert.equal(answered(s, 'App/models/post', CONTROLLER), 'app/models/post.ts')
})

test('paths come before package.json imports for a # name', (t) => {
  const s = setUp(t, {
    'lib/post.ts': MODEL,
    'tsconfig.json': tsconfig({ paths: { '#models/*': ['./lib/*'] } }),
  })
  assert.equal(answered(s, '#models/post', USER), 'lib/post.ts')
  // A # name no paths key matches still goes through package.json imports.
  const other = setUp(t, { 'tsconfig.json': tsconfig({ paths: { 'App/*': ['./app/*'] } }) })
  assert.equal(answered(other, '#models/post', USER), 'app/models/post.ts')
})

// Left to TypeScript.

test('a file the tsconfig leaves out, or none at all, is left to TypeScript', (t) => {
  const s = setUp(t, {
    'app/legacy/old.ts': MODEL,
    'tsconfig.json': tsconfig({}, { exclude: ['app/legacy'] }),
  })
  assert.equal(leftToTypeScript(s, '../legacy/old.js', USER), 'app/legacy/old.ts')
  assert.equal(leftToTypeScript(s, './gone.js', USER), undefined)
  assert.equal(leftToTypeScript(s, '#models/gone', USER), undefined)
})

test('a folder import (index.ts) is left to TypeScript', (t) => {
  const s = setUp(t, { 'app/models/index.ts': "export { default as Post } from './post.js'\n" })
  assert.equal(leftToTypeScript(s, './models', 'app/start.ts'), 'app/models/index.ts')
  assert.equal(leftToTypeScript(s, '../models', CONTROLLER), 'app/models/index.ts')
})

test('conditional and array imports targets are left to TypeScript', (t) => {
  const s = setUp(t, {
    'package.json': packageJson({
      '#models/*': { types: './app/models/*.js', default: './app/models/*.js' },
      '#list/*': ['./app/models/*.js'],
    }),
  })
  assert.equal(leftToTypeScript(s, '#models/post', CONTROLLER), 'app/models/post.ts')
  assert.equal(leftToTypeScript(s, '#list/post', CONTROLLER), 'app/models/post.ts')
})

test('a paths substitution with an extension is left to TypeScript', (t) => {
  const s = setUp(t, { 'tsconfig.json': tsconfig({ paths: { 'App/*': ['./app/*.js'] } }) })
  assert.equal(leftToTypeScript(s, 'App/models/post', CONTROLLER), 'app/models/post.ts')
})

test('relative imports are left to TypeScript when rootDirs is set', (t) => {
  const s = setUp(t, { 'tsconfig.json': tsconfig({ rootDirs: ['./app', './generated'] }) })
  assert.equal(leftToTypeScript(s, './post.js', USER), 'app/models/post.ts')
})

test('# imports are left to TypeScript when baseUrl is set, or package.json imports are off', (t) => {
  const withBaseUrl = setUp(t, { 'tsconfig.json': tsconfig({ baseUrl: '.' }) })
  assert.equal(leftToTypeScript(withBaseUrl, '#models/post', USER), 'app/models/post.ts')
  const off = setUp(t, { 'tsconfig.json': tsconfig({ resolvePackageJsonImports: false }) })
  assert.equal(leftToTypeScript(off, '#models/post', USER), undefined)
})

test('.ts and .json specifiers, package names and absolute paths are left to TypeScript', (t) => {
  const s = setUp(t, { 'app/models/data.json': '{}' })
  assert.equal(leftToTypeScript(s, './post.ts', USER), 'app/models/post.ts')
  assert.equal(leftToTypeScript(s, './data.json', USER), 'app/models/data.json')
  assert.equal(leftToTypeScript(s, 'luxon', USER), undefined)
  assert.equal(leftToTypeScript(s, s.app.file('app/models/post'), USER), 'app/models/post.ts')
})

test('a # import stops at the nearest package.json, even one without imports', (t) => {
  const s = setUp(t, {
    'package.json': packageJson({ '#models/*': './app/models/*.js' }),
    'app/package.json': JSON.stringify({ type: 'module' }),
  })
  // TypeScript does not look further up than app/package.json: the import fails.
  assert.equal(leftToTypeScript(s, '#models/post', USER), undefined)
  // Without the inner package.json the outer one's imports answer.
  const outer = setUp(t, { 'package.json': packageJson({ '#models/*': './app/models/*.js' }) })
  assert.equal(answered(outer, '#models/post', USER), 'app/models/post.ts')
})

test('a # import whose * holds .. or . segments is left to TypeScript', (t) => {
  const s = setUp(t, { 'package.json': packageJson({ '#models/*': './app/models/*.js' }) })
  assert.equal(leftToTypeScript(s, '#models/../controllers/users_controller', USER), undefined)
  assert.equal(leftToTypeScript(s, '#models/./post', USER), undefined)
  // An empty segment TypeScript accepts; DirectImports leaves it too, to be safe.
  assert.equal(leftToTypeScript(s, '#models//post', USER), 'app/models/post.ts')
})

// Through the whole project.

test('a project whose models import each other directly has the same findings and symbols', (t) => {
  const app = createTempApp({
    'app/models/post.ts': POST_MODEL.replace('declare userId', 'declare ownerId'),
    'app/models/comment.ts': `import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Post from './post.js'

export default class Comment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @belongsTo(() => Post)
  declare post: BelongsTo<typeof Post>
}
`,
  })
  t.after(() => app.remove())
  const user = app.file('app/models/user.ts')
  const comment = app.file('app/models/comment.ts')
  const run = () => {
    const project = new ProjectService(ts).projectFor(user)
    assert.ok(project)
    const findings = [user, comment].map((f) => project.findings(f).map((x) => `${x.code} ${x.message}`))
    return { project, findings }
  }
  // TypeScript alone (DirectImports answering nothing), then with DirectImports.
  const resolve = t.mock.method(DirectImports.prototype, 'resolve', () => undefined)
  const before = run().findings
  resolve.mock.restore()
  const { project, findings } = run()
  assert.deepEqual(findings, before)
  assert.ok(
    findings[0]?.some((f) => f.startsWith('LL104')),
    'the missing user_id is still reported',
  )

  const direct = (project as unknown as { resolver: { direct: { memo: Map<string, unknown> } } }).resolver
    .direct
  const program = project.program()
  for (const [from, specifier] of [
    [user, '#models/post'],
    [comment, './post.js'],
  ] as const) {
    assert.ok(direct.memo.get(`${path.dirname(from)}\0${specifier}`), `${specifier} answered directly`)
    const file = program.getSourceFile(from)
    assert.ok(file)
    const literal = file.statements
      .filter(ts.isImportDeclaration)
      .map((d) => d.moduleSpecifier)
      .find((m) => ts.isStringLiteral(m) && m.text === specifier)
    assert.ok(literal, specifier)
    assert.ok(program.getSourceFile(app.file('app/models/post.ts')))
    const module = program.getTypeChecker().getSymbolAtLocation(literal)
    assert.equal(module?.declarations?.[0]?.getSourceFile().fileName, app.file('app/models/post.ts'))
  }
})

// The memo.

test('the memo holds at most 20,000 answers and stays right after it starts again', (t) => {
  const s = setUp(t, {})
  const memo = (s.direct as unknown as { memo: Map<string, unknown> }).memo
  const from = s.app.file(USER)
  for (let i = 0; i < 20_500; i++) {
    assert.equal(s.direct.resolve(`./gone_${i}.js`, from), undefined)
    assert.ok(memo.size <= 20_000, `after ${i + 1} lookups`)
  }
  assert.ok(memo.size > 0)
  assert.equal(
    s.direct.resolve('./post.js', from)?.resolvedModule?.resolvedFileName,
    s.app.file('app/models/post.ts'),
  )
  // A repeated lookup is answered from the memo without growing it.
  const size = memo.size
  s.direct.resolve('./post.js', from)
  assert.equal(memo.size, size)
})
