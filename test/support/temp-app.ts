// A small v6 app written to a temp folder, for tests that edit files on disk.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fixture, repoRoot } from './paths'

export const USER_MODEL = `import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Post from '#models/post'

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @hasMany(() => Post)
  declare posts: HasMany<typeof Post>
}
`

export const POST_MODEL = `import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class Post extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare title: string
}
`

export const USERS_CONTROLLER = `import User from '#models/user'

export default class UsersController {
  async show(id: number) {
    const user = await User.findOrFail(id)
    await user.load('posts')
    return user.related('posts').query().where('title', 'x')
  }
}
`

/** package.json (ESM, with these subpath imports) and a tsconfig.json over every file of the app. */
export function appConfig(imports: Record<string, string>): Record<string, string> {
  return {
    'package.json': JSON.stringify({ type: 'module', imports }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', experimentalDecorators: true },
      include: ['**/*'],
    }),
  }
}

export interface TempApp {
  root: string
  file(relative: string): string
  write(relative: string, text: string): string
  remove(): void
}

export function createTempApp(files: Record<string, string> = {}): TempApp {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-app-'))
  const app: TempApp = {
    root,
    file: (relative) => path.join(root, relative),
    write: (relative, text) => {
      const target = path.join(root, relative)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, text)
      return target
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  }
  const defaults: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'temp-app',
      type: 'module',
      imports: { '#models/*': './app/models/*.js' },
      dependencies: { '@adonisjs/core': '^6.12.0', '@adonisjs/lucid': '^21.1.0' },
    }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        experimentalDecorators: true,
        strict: true,
      },
      include: ['**/*'],
    }),
    'app/models/user.ts': USER_MODEL,
    'app/models/post.ts': POST_MODEL,
    'app/controllers/users_controller.ts': USERS_CONTROLLER,
  }
  for (const [relative, text] of Object.entries({ ...defaults, ...files })) app.write(relative, text)
  return app
}

/**
 * A fixture app copied outside the repository: in place, TypeScript would find the repository's own
 * node_modules (which holds the real @adonisjs/lucid) and the "no node_modules" case would be lost.
 */
export function copyFixture(
  name: string,
  options: { nodeModules: boolean } = { nodeModules: false },
): TempApp {
  const app = createTempApp({})
  fs.rmSync(app.root, { recursive: true, force: true })
  fs.cpSync(fixture(name), app.root, { recursive: true })
  if (options.nodeModules)
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app.root, 'node_modules'), 'dir')
  return app
}
