// The README's two set-up commands are the ones the project runs: CI runs the test command verbatim,
// and every npm script they name exists.
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { test } from 'node:test'
import { repoRoot } from './support/paths'

function setUpCommands(): { demo: string; tests: string } {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Set up'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
  const commands = block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
  const find = (word: string) => commands.find((command) => command.includes(word)) ?? ''
  return { demo: find('npm run demo'), tests: find('npm test') }
}

test('the README names a demo command and a test command', () => {
  const { demo, tests } = setUpCommands()
  assert.equal(demo, 'npm ci && npm run demo')
  assert.match(tests, /npm ci && npm test$/)
})

test('.ci/run runs exactly the README test command', () => {
  const run = fs.readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8')
  const commands = run
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  assert.ok(commands.includes(setUpCommands().tests), `.ci/run runs: ${commands.join(' | ')}`)
})

test('every npm script the set-up commands name exists', () => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const { demo, tests } = setUpCommands()
  for (const [, name] of `${demo} ${tests}`.matchAll(/npm run (\S+)/g))
    assert.ok(scripts[name as string], name)
  assert.ok(scripts['test'])
})

test('npm run provision without apt-get names what is missing in one line and installs nothing', () => {
  // A PATH with the tools the checks use but no apt-get, and a Chromium that is not there.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-path-'))
  try {
    for (const tool of ['bash', 'id', 'dpkg', 'psql', 'mysql', 'python3', 'make', 'g++', 'env']) {
      const found = execFileSync('bash', ['-c', `command -v ${tool} || true`], { encoding: 'utf8' }).trim()
      if (found) fs.symlinkSync(found, path.join(bin, tool))
    }
    const result = spawnSync(path.join(bin, 'bash'), [path.join(repoRoot, 'scripts', 'provision.sh')], {
      env: { PATH: bin, HOME: os.tmpdir(), LUCID_LENS_CHROMIUM: '/nonexistent/chromium' },
      encoding: 'utf8',
    })
    assert.equal(result.status, 1)
    assert.equal(result.stdout, '')
    const lines = result.stderr.trim().split('\n')
    assert.equal(lines.length, 1, result.stderr)
    assert.match(
      lines[0] ?? '',
      /^provision: the tests need .*Chromium at \/nonexistent\/chromium.*npm run provision/,
    )
  } finally {
    fs.rmSync(bin, { recursive: true, force: true })
  }
})
