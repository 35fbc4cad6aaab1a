// Cases where DirectImports once answered and TypeScript did not, or named another file, and a
// sweep over specifiers and configurations: every direct answer must be TypeScript's.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  agrees,
  answered,
  CONTROLLER,
  leftToTypeScript,
  MODEL,
  packageJson,
  setUp,
  tsconfig,
  typescriptAnswer,
  USER,
} from '../support/direct-imports-setup'

// Where DirectImports answered and TypeScript did not, or named another file (fixed in
// direct-imports.ts; each case failed before).

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
