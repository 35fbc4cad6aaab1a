// Where real Lucid 22 lives for the differential tiers. Lucid 22 (peer @adonisjs/core 7) cannot be
// installed beside this repo's Lucid 21 (peer core 6), so it has its own folder: LUCID_LENS_LUCID22
// or `<repo>/.lucid22`, made with scripts/ensure-lucid22.mjs, which `npm test` runs first. Without
// it a tier fails: a skipped differential tier would prove nothing.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { test } from 'node:test'
import { repoRoot } from '../../support/paths'

export const LUCID22_ROOT = process.env.LUCID_LENS_LUCID22 || path.join(repoRoot, '.lucid22')

/** Runs `tier` with the installed Lucid 22 version, or registers one failing test saying why. */
export function withLucid22(tier: (version: string) => void): void {
  const manifest = path.join(LUCID22_ROOT, 'node_modules', '@adonisjs', 'lucid', 'package.json')
  const version = fs.existsSync(manifest)
    ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version
    : undefined
  if (version?.startsWith('22.')) {
    tier(version)
    return
  }
  test('real Lucid 22 differential tier', () => {
    throw new Error(
      `@adonisjs/lucid@22 is not installed in ${LUCID22_ROOT}: run node scripts/ensure-lucid22.mjs`,
    )
  })
}
