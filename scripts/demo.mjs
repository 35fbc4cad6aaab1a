// `npm run demo` (after the build): creates and seeds the example app's SQLite database from its own
// migrations, then runs `lucid-lens check` on it, which reports the three planted relation mistakes.
import { spawnSync } from 'node:child_process'
import { join, relative } from 'node:path'
import { createExampleDb, exampleApp, exampleDb } from './example-db.mjs'

const root = join(exampleApp, '..', '..')
const step = (title) => console.log(`\n\u001b[1m== ${title}\u001b[0m\n`)

step('Creating the example database from examples/blog/database/migrations')
const counts = await createExampleDb()
console.log(
  `${relative(root, exampleDb)}: ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
)

step('lucid-lens check examples/blog')
const check = spawnSync(process.execPath, [join(root, 'server', 'out', 'cli.js'), 'check', exampleApp], {
  stdio: 'inherit',
})
// Exit status 1 means "findings reported", which is the point of the demo; 2 is a real failure.
if (check.status !== 0 && check.status !== 1) process.exit(check.status ?? 2)
