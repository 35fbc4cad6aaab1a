// What an AdonisJS app is on disk: a folder with an adonisrc file, or whose package.json depends on
// @adonisjs/core or @adonisjs/lucid. Other tsconfig files inside an app (an Inertia frontend's
// `inertia/tsconfig.json`) are not apps: they would analyse the app's models a second time.
import * as fs from 'node:fs'
import * as path from 'node:path'

const RC_FILES = ['adonisrc.ts', 'adonisrc.js', '.adonisrc.json']
const ADONIS_PACKAGES = ['@adonisjs/core', '@adonisjs/lucid']

export function isAdonisApp(dir: string): boolean {
  if (RC_FILES.some((name) => fs.existsSync(path.join(dir, name)))) return true
  let pkg: { dependencies?: object; devDependencies?: object }
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof pkg
  } catch {
    return false
  }
  const deps = { ...pkg.devDependencies, ...pkg.dependencies }
  return ADONIS_PACKAGES.some((name) => name in deps)
}

/** The nearest AdonisJS app folder above `dir` (not `dir` itself), if any. */
export function enclosingApp(dir: string): string | undefined {
  for (let current = path.dirname(dir); current !== path.dirname(current); current = path.dirname(current)) {
    if (isAdonisApp(current)) return current
  }
  return undefined
}

/**
 * Whether a tsconfig's folder is an app to analyse: an AdonisJS app, or a folder no AdonisJS app
 * encloses (a setup we cannot tell apart, analysed as before). A tsconfig nested in an app is not.
 */
export function isAppConfig(configPath: string): boolean {
  const dir = path.dirname(configPath)
  return isAdonisApp(dir) || enclosingApp(dir) === undefined
}
