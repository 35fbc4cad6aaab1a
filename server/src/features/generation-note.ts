// The footer of every hover: which Lucid generation's naming rules the card assumed, and why, so a
// user with a surprising table or key name sees at once whether the version guess is the cause.
import * as path from 'node:path'
import type { LucidGeneration } from '../../../engine/src/model-graph'
import type { Project } from '../project/project'
import type { ServerContext } from './context'

export const GENERATION_LABEL: Record<LucidGeneration, string> = {
  v5: 'v5 (Lucid 18)',
  v6: 'v6 (Lucid 20/21)',
  v7: 'v7 (Lucid 22)',
}

export function generationNote(context: ServerContext, project: Project): string {
  const label = GENERATION_LABEL[project.generation]
  if (context.settings().lucidVersion !== 'auto')
    return `_Lucid ${label} naming rules (set by \`lucidLens.lucidVersion\`)_`
  const source = versionSource(context, project.rootDir)
  return source
    ? `_Lucid ${label} naming rules (from ${source})_`
    : `_Lucid ${label} naming rules (latest assumed: no Lucid version in package.json)_`
}

/** Which dependency `detectGeneration` read the version from, in the same order it reads them. */
function versionSource(context: ServerContext, rootDir: string): string | undefined {
  const pkg = readNearestPackageJson(context, rootDir)
  if (!pkg) return undefined
  const deps = { ...pkg.devDependencies, ...pkg.dependencies }
  for (const name of ['@adonisjs/lucid', '@adonisjs/core']) {
    const range = deps[name]
    // Mirrors detectGeneration's major-version test: a range without a major (`latest`) is skipped.
    if (range && /(\d+)(?:\.|$|\s|x)/.test(range)) return `package.json \`${name}\` ${range}`
  }
  return undefined
}

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** The same lookup as the project's: the nearest package.json at or above the tsconfig folder. */
function readNearestPackageJson(context: ServerContext, dir: string): PackageJson | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const text = context.ts.sys.readFile(path.join(current, 'package.json'))
    if (text !== undefined) {
      try {
        return JSON.parse(text) as PackageJson
      } catch {
        return undefined
      }
    }
    if (path.dirname(current) === current) return undefined
  }
}
