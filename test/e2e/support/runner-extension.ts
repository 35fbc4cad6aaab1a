// The two things the editor loads: the Lucid Lens .vsix, packed by scripts/package.mjs as users get it
// (or LUCID_LENS_E2E_VSIX, a given one), and the development extension that holds the suite. VS Code
// only resolves `require('vscode')` in files of a loaded extension, so the compiled suite
// (build/e2e-host) is made one with a manifest; it contributes nothing and activates on nothing.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from '../../support/paths'
import { vsixTarget } from '../../support/vsix-target'

export const RUNNER_FOLDER = path.join(repoRoot, 'build', 'e2e-host')

const RUNNER_MANIFEST = {
  name: 'lucid-lens-e2e-suite',
  displayName: 'Lucid Lens end-to-end suite',
  publisher: 'lucid-lens',
  version: '0.0.0',
  private: true,
  engines: { vscode: '^1.91.0' },
}

/** The .vsix to install: packed into `dir` from the current build. */
export function packageVsix(dir: string): string {
  const given = process.env['LUCID_LENS_E2E_VSIX']
  if (given) return path.resolve(given)
  const script = path.join(repoRoot, 'scripts', 'package.mjs')
  // The platform package: the example app has no node_modules, so previews use the driver it carries.
  const args = [script, '--out', dir, '--target', vsixTarget()]
  const packed = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`scripts/package.mjs failed:\n${packed.stdout}\n${packed.stderr}`)
  const vsix = fs.readdirSync(dir).find((name) => name.endsWith('.vsix'))
  if (!vsix) throw new Error(`scripts/package.mjs wrote no .vsix into ${dir}`)
  return path.join(dir, vsix)
}

export interface RunnerExtension {
  extensionDevelopmentPath: string
  extensionTestsPath: string
}

export function prepareRunnerExtension(): RunnerExtension {
  const extensionTestsPath = path.join(RUNNER_FOLDER, 'e2e', 'suite', 'index.js')
  if (!fs.existsSync(extensionTestsPath))
    throw new Error(`${extensionTestsPath} is missing: build first (npx tsc -b)`)
  fs.writeFileSync(path.join(RUNNER_FOLDER, 'package.json'), JSON.stringify(RUNNER_MANIFEST, null, 2))
  return { extensionDevelopmentPath: RUNNER_FOLDER, extensionTestsPath }
}
