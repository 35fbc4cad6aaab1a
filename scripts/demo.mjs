// `npm run demo` (after the build): creates and seeds the example app's SQLite database from its own
// migrations, runs `lucid-lens check` on it (the three planted relation mistakes), then previews a
// few relation queries against that database (read-only). `node scripts/demo.mjs DIR` runs it on a
// copy of the example app in DIR instead (the demo's test does).
import { spawnSync } from 'node:child_process'
import { join, relative, resolve } from 'node:path'
import { createExampleDb, exampleApp as bundledApp } from './example-db.mjs'

const root = join(bundledApp, '..', '..')
const exampleApp = process.argv[2] ? resolve(process.argv[2]) : bundledApp
const exampleDb = join(exampleApp, 'tmp', 'db.sqlite3')
const step = (title) => console.log(`\n\u001b[1m== ${title}\u001b[0m\n`)

step(`Creating the example database from ${relative(root, join(exampleApp, 'database', 'migrations'))}`)
const counts = await createExampleDb(exampleDb, exampleApp)
console.log(
  `${relative(root, exampleDb)}: ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
)

step(`lucid-lens check ${relative(root, exampleApp) || '.'}`)
const check = spawnSync(process.execPath, [join(root, 'server', 'out', 'cli.js'), 'check', exampleApp], {
  stdio: 'inherit',
})
// Exit status 1 means "findings reported", which is the point of the demo; 2 is a real failure.
if (check.status !== 0 && check.status !== 1) process.exit(check.status ?? 2)

const previews = [
  "User.findOrFail(1).related('posts').query().where('isPublished', true).orderBy('id', 'desc').limit(3)",
  "User.query().preload('posts', (q) => q.groupLimit(2)).withCount('comments').limit(2)",
  "Category.query().whereNull('parentId').preload('children', (c) => c.withCount('posts'))",
]
for (const expression of previews) {
  step(`lucid-lens preview "${expression}"`)
  const run = spawnSync(
    process.execPath,
    [join(root, 'server', 'out', 'cli.js'), 'preview', '--project', exampleApp, expression],
    {
      stdio: 'inherit',
    },
  )
  if (run.status !== 0) process.exit(run.status ?? 2)
}
