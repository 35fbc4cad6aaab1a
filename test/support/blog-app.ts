// A copy of the example app (examples/blog) in a temp folder, optionally with its seeded SQLite
// database (scripts/example-db.mjs), for server tests that must not write into the repository.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { repoRoot } from './paths'
import type { TempApp } from './temp-app'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

export async function copyBlogApp(options: { database: boolean }): Promise<TempApp> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-blog-'))
  const source = path.join(repoRoot, 'examples', 'blog')
  // A database left in the example by `npm run demo` must not decide what a test sees.
  fs.cpSync(source, root, { recursive: true, filter: (from) => from !== path.join(source, 'tmp') })
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
  if (options.database) await createBlogDatabase(app)
  return app
}

/** Runs the app's migrations and seed into its tmp/db.sqlite3; returns the file. */
export async function createBlogDatabase(app: TempApp): Promise<string> {
  const file = app.file('tmp/db.sqlite3')
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(file)
  return file
}
