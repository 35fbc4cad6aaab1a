// DirectImports answers an import of the app's own files without TypeScript's resolver, so every
// answer it gives must be the one TypeScript gives (`bundler` resolution, the options the project
// runs with). Each case builds a small app on disk and asks both; the cases it leaves to TypeScript
// must answer undefined. Last, a whole project resolves through it, and its memo stays bounded.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import { test, type TestContext } from 'node:test'
import ts from 'typescript'
import { DirectImports } from '../../server/src/project/direct-imports'
import { withAdonisDefaults } from '../../server/src/project/project'
import { ProjectService } from '../../server/src/project/project-service'
import { createTempApp, POST_MODEL, type TempApp } from '../support/temp-app'

interface Setup {
  app: TempApp
  options: ts.CompilerOptions
  direct: DirectImports
}

const MODEL = 'export default class Model {}\n'

/** A package.json (ESM) with these subpath imports, or none when `imports` is undefined. */
function packageJson(imports?: Record<string, unknown>): string {
  return JSON.stringify({ name: 'temp-app', type: 'module', ...(imports ? { imports } : {}) })
}

function tsconfig(compilerOptions: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): string {
  return JSON.stringify({ compilerOptions, include: ['**/*'], ...rest })
}

/**
 * A temp app (the defaults of createTempApp, then `files`), its tsconfig read the way Project reads
 * it (parseJsonConfigFileContent, then `bundler` resolution and ESNext), and a DirectImports over
 * the tsconfig's file list.
 */
function setUp(t: TestContext, files: Record<string, string>): Setup {
  const app = createTempApp(files)
  t.after(() => app.remove())
  const configPath = app.file('tsconfig.json')
  const read = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, app.root, undefined, configPath)
  const options = withAdonisDefaults(ts, parsed)
  const fileSet = new Set(parsed.fileNames.map((f) => path.normalize(f)))
  return { app, options, direct: new DirectImports(ts, fileSet, options, app.root) }
}

function typescriptAnswer(s: Setup, specifier: string, from: string): ts.ResolvedModuleFull | undefined {
  return ts.resolveModuleName(specifier, s.app.file(from), s.options, ts.sys).resolvedModule
}

/** DirectImports answers, TypeScript agrees; the app-relative file both name. */
function answered(s: Setup, specifier: string, from: string): string {
  const direct = s.direct.resolve(specifier, s.app.file(from))?.resolvedModule
  assert.ok(direct, `DirectImports answers ${specifier} from ${from}`)
  const expected = typescriptAnswer(s, specifier, from)
  assert.ok(expected, `TypeScript resolves ${specifier} from ${from}`)
  assert.equal(direct.resolvedFileName, expected.resolvedFileName, specifier)
  assert.equal(direct.extension, expected.extension, specifier)
  assert.equal(expected.isExternalLibraryImport, false, specifier)
  assert.equal(direct.isExternalLibraryImport, false, specifier)
  assert.equal(direct.resolvedUsingTsExtension, expected.resolvedUsingTsExtension ?? false, specifier)
  return path.relative(s.app.root, direct.resolvedFileName)
}

/** DirectImports leaves it to TypeScript; what TypeScript finds (app-relative), or undefined. */
function leftToTypeScript(s: Setup, specifier: string, from: string): string | undefined {
  assert.equal(s.direct.resolve(specifier, s.app.file(from)), undefined, `${specifier} from ${from}`)
  const resolved = typescriptAnswer(s, specifier, from)
  return resolved && path.relative(s.app.root, resolved.resolvedFileName)
}

const USER = 'app/models/user.ts'
const CONTROLLER = 'app/controllers/users_controller.ts'

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

// Where DirectImports answered and TypeScript did not, or named another file (fixed in
// direct-imports.ts; each case failed before).

/** Whatever DirectImports answers for each specifier is TypeScript's answer. */
function agrees(s: Setup, from: string, specifiers: string[]): void {
  for (const specifier of specifiers) {
    const direct = s.direct.resolve(specifier, s.app.file(from))?.resolvedModule
    const expected = typescriptAnswer(s, specifier, from)
    if (!direct) continue
    assert.ok(
      expected,
      `TypeScript does not resolve ${specifier}, DirectImports names ${direct.resolvedFileName}`,
    )
    assert.equal(direct.resolvedFileName, expected.resolvedFileName, specifier)
    assert.equal(direct.extension, expected.extension, specifier)
  }
}

test('an imports target without an extension gets none added: TypeScript finds no file', (t) => {
  const s = setUp(t, {
    'package.json': packageJson({ '#models/*': './app/models/*', '#post': './app/models/post' }),
  })
  assert.equal(leftToTypeScript(s, '#models/post', USER), undefined)
  assert.equal(leftToTypeScript(s, '#post', USER), undefined)
  // With .js in the specifier the target has an extension again.
  assert.equal(answered(s, '#models/post.js', USER), 'app/models/post.ts')
})

test('an imports target with a . segment after the first is invalid for TypeScript', (t) => {
  const s = setUp(t, { 'package.json': packageJson({ '#models/*': './app/./models/*.js' }) })
  assert.equal(leftToTypeScript(s, '#models/post', USER), undefined)
})

test('an imports * holding a node_modules segment is invalid for TypeScript', (t) => {
  const s = setUp(t, {
    'app/models/node_modules/vendored.ts': MODEL,
    'tsconfig.json': tsconfig({}, { include: ['**/*', 'app/models/node_modules/**/*'] }),
  })
  assert.equal(leftToTypeScript(s, '#models/node_modules/vendored', USER), undefined)
})

test('imports patterns with the same prefix: the longer key wins, as in Node and TypeScript', (t) => {
  const s = setUp(t, {
    'lib/post.ts': MODEL,
    'src/post.ts': MODEL,
    'package.json': packageJson({ '#lib/*': './lib/*', '#lib/*.js': './src/*.js' }),
  })
  agrees(s, USER, ['#lib/post.js'])
  assert.equal(typescriptAnswer(s, '#lib/post.js', USER)?.resolvedFileName, s.app.file('src/post.ts'))
})

test('an imports folder key (ending in /) with a longer prefix than the pattern wins', (t) => {
  const s = setUp(t, {
    'lib/models/post.ts': MODEL,
    'package.json': packageJson({ '#app/*': './app/*', '#app/models/': './lib/models/' }),
  })
  assert.equal(leftToTypeScript(s, '#app/models/post.js', USER), 'lib/models/post.ts')
  assert.equal(answered(s, '#app/controllers/users_controller.js', USER), CONTROLLER)
})

test('a specifier ending in / names a folder: TypeScript looks for its index only', (t) => {
  const s = setUp(t, {
    'app/models.ts': MODEL,
    'app/models/index.ts': MODEL,
    'tsconfig.json': tsconfig({ paths: { 'App/*': ['./app/*'], Models: ['./app/models/'] } }),
  })
  assert.equal(leftToTypeScript(s, '../models/', CONTROLLER), 'app/models/index.ts')
  assert.equal(leftToTypeScript(s, './', USER), 'app/models/index.ts')
  assert.equal(leftToTypeScript(s, 'App/models/', USER), 'app/models/index.ts')
  assert.equal(leftToTypeScript(s, 'Models', USER), 'app/models/index.ts')
  // Without the slash the file comes first.
  assert.equal(answered(s, '../models', CONTROLLER), 'app/models.ts')
  assert.equal(answered(s, 'App/models', USER), 'app/models.ts')
})

test('a specifier ending in . or .. names a folder too, and is never looked up in paths', (t) => {
  const s = setUp(t, {
    'lib.ts': MODEL,
    'app.ts': MODEL,
    'app/index.ts': MODEL,
    'app/controllers.ts': MODEL,
    'app/controllers/index.ts': MODEL,
    'tsconfig.json': tsconfig({ paths: { '*': ['./lib/*'] } }),
  })
  // Through the paths pattern '.' would be lib.ts; as a file, '..' would be app.ts.
  assert.equal(leftToTypeScript(s, '.', CONTROLLER), 'app/controllers/index.ts')
  assert.equal(leftToTypeScript(s, '..', CONTROLLER), 'app/index.ts')
  assert.equal(leftToTypeScript(s, './..', CONTROLLER), 'app/index.ts')
  assert.equal(leftToTypeScript(s, '../controllers/.', CONTROLLER), 'app/controllers/index.ts')
  assert.equal(answered(s, '../controllers', CONTROLLER), 'app/controllers.ts')
})

test('a dotted file name is tried as .d.<ext>.ts first, so it is left to TypeScript', (t) => {
  const s = setUp(t, {
    'app/models/post.model.ts': MODEL,
    'app/models/post.d.model.ts': 'declare const Post: unknown\nexport default Post\n',
    'app/models/tag.model.ts': MODEL,
    'app/.hidden.ts': MODEL,
    'app/.d.hidden.ts': 'export {}\n',
    'tsconfig.json': tsconfig({ paths: { 'App/*': ['./app/*'] } }),
  })
  assert.equal(leftToTypeScript(s, './post.model', USER), 'app/models/post.d.model.ts')
  assert.equal(leftToTypeScript(s, 'App/models/post.model', USER), 'app/models/post.d.model.ts')
  assert.equal(leftToTypeScript(s, '../.hidden', USER), 'app/.d.hidden.ts')
  // Without a .d.model.ts next to it TypeScript takes tag.model.ts, but only the disk says so.
  assert.equal(leftToTypeScript(s, './tag.model', USER), 'app/models/tag.model.ts')
  // .js after the dotted name: TypeScript strips it and tries .ts first.
  assert.equal(answered(s, './tag.model.js', USER), 'app/models/tag.model.ts')
})

test('a * pattern as long as a folder key sorts before it; an overlapping pattern is left alone', (t) => {
  const s = setUp(t, {
    'app/x.ts': MODEL,
    'package.json': packageJson({
      '#ab/': './lib/',
      '#ab/*': './app/*.js',
      '#x/*': './app/*.js',
      '#x/*/x': './lib/*.js',
    }),
  })
  assert.equal(answered(s, '#ab/models/post', USER), 'app/models/post.ts')
  // #x/*/x sorts first and TypeScript matches it on #x/x (prefix and suffix share the /): no file.
  assert.equal(leftToTypeScript(s, '#x/x', USER), undefined)
})

test('a paths * matching nothing is not substituted by TypeScript', (t) => {
  const s = setUp(t, {
    'app/models.ts': MODEL,
    'tsconfig.json': tsconfig({ paths: { 'Models*': ['./app/models*'] } }),
  })
  // TypeScript looks for app/models*.ts, not app/models.ts.
  assert.equal(leftToTypeScript(s, 'Models', USER), undefined)
  assert.equal(answered(s, 'Models/post', USER), 'app/models/post.ts')
})

// A sweep: specifiers of every kind above, from four folders, under combinations of imports,
// paths and baseUrl. Whatever DirectImports answers must be TypeScript's answer.

test('a sweep of specifiers and configurations: every direct answer is TypeScript’s', (t) => {
  const files = [
    'app/models.ts',
    'app/models/index.ts',
    'app/post.model.ts',
    'app/a.b.ts',
    'app/q.js.ts',
    'app/x.mts',
    'app/y.cts',
    'app/z.tsx',
    'app/w.d.ts',
    'app/$.ts',
    'app/models/node_modules/n.ts',
    'lib/post.ts',
    'lib/models/post.ts',
    'src/post.ts',
    'app.ts',
    'lib.ts',
  ]
  const importsSets: Record<string, string>[] = [
    { '#models/*': './app/models/*.js' },
    { '#models/*': './app/models/*' },
    { '#app/*': './app/*.js', '#app/models/*': './lib/models/*.js' },
    { '#*': './app/*.js' },
    { '#/*': './*.js' },
    { '#lib/*': './lib/*', '#lib/*.js': './src/*.js' },
    { '#a/': './lib/', '#a/*': './app/*.js' },
    { '#p': './app/models/post.js', '#q': './app/models/post', '#m/*.js': './app/models/*.js' },
    { '#s/*': './app/*.mjs', '#t/*': './app/*.cjs' },
  ]
  const pathsSets: (Record<string, string[]> | undefined)[] = [
    undefined,
    { 'App/*': ['./app/*'] },
    { '*': ['./lib/*', './app/*'] },
    { 'A/*': ['./app/*'], 'A/models/*': ['./lib/models/*'], P: ['./app/models/post'] },
    { '#models/*': ['./src/*'] },
    { 'M*': ['./app/models*'] },
  ]
  // prettier-ignore
  const specifiers = [
    '.', '..', './', '../', '../..', './..', '../models/.', './post', './post.js', '../models/post',
    '../post.model', '../a.b', '../a.b.js', './index', '../x.mjs', '../y.cjs', '../z', '../z.jsx', '../w',
    '../w.js', '../q.js', '../models/', '../models', 'post', '#models/post', '#models/post.js',
    '#models/../models/post', '#models/./post', '#models//post', '#models/node_modules/n', '#app/models/post',
    '#app/post.model', '#post', '#p', '#q', '#m/post.js', '#m/post', '#s/x', '#t/y', '#lib/post.js', '#lib/post',
    '#a/post', '#a/models/post', '#/app/models/post', '#app/x', '#models', '#', '#app/$', '#models/$$',
    'App/models/post', 'App/models', 'App/models/', 'App/post.model', 'App/a.b', 'App/$$', 'App/models/post.js',
    'App/x.mjs', 'A/models/post', 'A/controllers/users_controller', 'P', 'M', 'M/post', 'models/post',
    'app/models/post', 'lib', 'app',
  ]
  const froms = [USER, CONTROLLER, 'lib/k.ts', 'r.ts']
  let directly = 0
  for (const imports of importsSets)
    for (const paths of pathsSets)
      for (const baseUrl of [undefined, '.']) {
        const s = setUp(t, {
          ...Object.fromEntries(files.map((f) => [f, MODEL])),
          'package.json': packageJson(imports),
          'tsconfig.json': tsconfig({ ...(paths ? { paths } : {}), ...(baseUrl ? { baseUrl } : {}) }),
        })
        for (const from of froms) {
          agrees(s, from, specifiers)
          directly += specifiers.filter((spec) => s.direct.resolve(spec, s.app.file(from))).length
        }
      }
  // Not a vacuous sweep: thousands of the lookups were answered directly.
  assert.ok(directly > 2_000, `${directly} answered directly`)
})
