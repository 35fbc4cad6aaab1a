// A temp app with a DirectImports over its tsconfig, and the comparisons with TypeScript's own
// resolution that test/project/direct-imports*.test.ts make.
import assert from 'node:assert/strict'
import * as path from 'node:path'
import type { TestContext } from 'node:test'
import ts from 'typescript'
import { DirectImports } from '../../server/src/project/direct-imports'
import { withAdonisDefaults } from '../../server/src/project/project'
import { createTempApp, type TempApp } from './temp-app'

export interface Setup {
  app: TempApp
  options: ts.CompilerOptions
  direct: DirectImports
}

export const MODEL = 'export default class Model {}\n'

/** A package.json (ESM) with these subpath imports, or none when `imports` is undefined. */
export function packageJson(imports?: Record<string, unknown>): string {
  return JSON.stringify({ name: 'temp-app', type: 'module', ...(imports ? { imports } : {}) })
}

export function tsconfig(
  compilerOptions: Record<string, unknown> = {},
  rest: Record<string, unknown> = {},
): string {
  return JSON.stringify({ compilerOptions, include: ['**/*'], ...rest })
}

/**
 * A temp app (the defaults of createTempApp, then `files`), its tsconfig read the way Project reads
 * it (parseJsonConfigFileContent, then `bundler` resolution and ESNext), and a DirectImports over
 * the tsconfig's file list.
 */
export function setUp(t: TestContext, files: Record<string, string>): Setup {
  const app = createTempApp(files)
  t.after(() => app.remove())
  const configPath = app.file('tsconfig.json')
  const read = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, app.root, undefined, configPath)
  const options = withAdonisDefaults(ts, parsed)
  const fileSet = new Set(parsed.fileNames.map((f) => path.normalize(f)))
  return { app, options, direct: new DirectImports(ts, fileSet, options, app.root) }
}

export function typescriptAnswer(
  s: Setup,
  specifier: string,
  from: string,
): ts.ResolvedModuleFull | undefined {
  return ts.resolveModuleName(specifier, s.app.file(from), s.options, ts.sys).resolvedModule
}

/** DirectImports answers, TypeScript agrees; the app-relative file both name. */
export function answered(s: Setup, specifier: string, from: string): string {
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
export function leftToTypeScript(s: Setup, specifier: string, from: string): string | undefined {
  assert.equal(s.direct.resolve(specifier, s.app.file(from)), undefined, `${specifier} from ${from}`)
  const resolved = typescriptAnswer(s, specifier, from)
  return resolved && path.relative(s.app.root, resolved.resolvedFileName)
}

export const USER = 'app/models/user.ts'
export const CONTROLLER = 'app/controllers/users_controller.ts'

/** Whatever DirectImports answers for each specifier is TypeScript's answer. */
export function agrees(s: Setup, from: string, specifiers: string[]): void {
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
