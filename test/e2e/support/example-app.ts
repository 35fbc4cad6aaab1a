// An example app (examples/blog or examples/blog-v7) copied into the run's folder under its own name (the
// name the workbench shows), with its SQLite database created by scripts/example-db.mjs the way its
// migrations and seeder would; or, `database: false`, as it is before Lucid's database is configured:
// no config/database.ts and no database file.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from '../../support/paths'

const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>

export async function copyExampleApp(
  run: string,
  name = 'blog',
  { database = true }: { database?: boolean } = {},
): Promise<string> {
  const source = path.join(repoRoot, 'examples', name)
  const root = path.join(run, name)
  // A database left in the example by `npm run demo` must not decide what the tests see.
  const left = [path.join(source, 'tmp'), ...(database ? [] : [path.join(source, 'config', 'database.ts')])]
  fs.cpSync(source, root, { recursive: true, filter: (from) => !left.includes(from) })
  if (!database) return root
  const script = await dynamicImport(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string, app: string) => Promise<unknown>)(
    path.join(root, 'tmp', 'db.sqlite3'),
    root,
  )
  return root
}
