// Installs real Lucid 22 into .lucid22/ for the v7 differential tier, unless it is already there.
// It cannot sit in the root node_modules: Lucid 22 wants @adonisjs/core 7, the root's Lucid 21 core 6.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LUCID = '22.4.2'
const CORE = '7.5.2'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const prefix = process.env.LUCID_LENS_LUCID22 || join(root, '.lucid22')
const manifest = join(prefix, 'node_modules', '@adonisjs', 'lucid', 'package.json')

const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined
if (installed !== LUCID) {
  console.log(`Installing @adonisjs/lucid@${LUCID} into ${prefix} for the Lucid 22 differential tier`)
  // Lucid 22 declares Node >= 24 but runs on Node 20 for what the tests use; its optional peers
  // (assembler, vine) are not needed, hence --legacy-peer-deps.
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--legacy-peer-deps',
      '--loglevel=error',
      `@adonisjs/lucid@${LUCID}`,
      `@adonisjs/core@${CORE}`,
    ],
    { stdio: 'inherit' },
  )
}
