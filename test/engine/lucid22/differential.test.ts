// The differential tier against real Lucid 22, on a 'v7' graph: every differential scenario plus the
// v7 shapes. Lucid 22 (peer @adonisjs/core 7) cannot be installed beside this repo's Lucid 21 (peer
// core 6), so it lives in its own folder: LUCID_LENS_LUCID22 or `<repo>/.lucid22`, made with
// scripts/ensure-lucid22.mjs, which `npm test` runs first. Without it the tier fails: a skipped
// differential tier would prove nothing.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../../support/paths'
import { ALL_SCENARIOS } from '../differential/scenarios'
import { differential, sqliteTarget } from '../support/differential'
import { V7_GRAPH, V7_SCENARIOS } from './scenarios'

const packageRoot = process.env.LUCID_LENS_LUCID22 || path.join(repoRoot, '.lucid22')
const manifest = path.join(packageRoot, 'node_modules', '@adonisjs', 'lucid', 'package.json')
const version = fs.existsSync(manifest)
  ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
  : undefined

if (version?.startsWith('22.')) {
  differential(`real Lucid ${version} (v7 graph)`, [...ALL_SCENARIOS, ...V7_SCENARIOS], sqliteTarget, {
    graph: V7_GRAPH,
    packageRoot,
  })
} else {
  test('real Lucid 22 differential tier', () => {
    throw new Error(
      `@adonisjs/lucid@22 is not installed in ${packageRoot}: run node scripts/ensure-lucid22.mjs`,
    )
  })
}
