// Which Lucid generation an app uses, from its package.json. Defaults to the latest.
import { LATEST_GENERATION, type LucidGeneration } from '../../../engine/src/model-graph'

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

export interface DetectedGeneration {
  generation: LucidGeneration
  /** What decided it, e.g. ``package.json `@adonisjs/lucid` ^21.1.0``; undefined when assumed. */
  source?: string
}

export function detectGeneration(pkg: PackageJson | undefined): LucidGeneration {
  return generationOf(pkg).generation
}

export function generationOf(pkg: PackageJson | undefined): DetectedGeneration {
  const deps = { ...pkg?.devDependencies, ...pkg?.dependencies }
  const from = (name: string) => `package.json \`${name}\` ${deps[name]}`
  const lucid = majorOf(deps['@adonisjs/lucid'])
  if (lucid !== undefined) {
    return { generation: lucid <= 18 ? 'v5' : lucid <= 21 ? 'v6' : 'v7', source: from('@adonisjs/lucid') }
  }
  const core = majorOf(deps['@adonisjs/core'])
  if (core !== undefined) {
    return { generation: core <= 5 ? 'v5' : core === 6 ? 'v6' : 'v7', source: from('@adonisjs/core') }
  }
  return { generation: LATEST_GENERATION }
}

/** The first major version a semver range allows: `^21.1.0` -> 21, `~18.4` -> 18, `latest` -> none. */
function majorOf(range: string | undefined): number | undefined {
  const match = range?.match(/(\d+)(?:\.|$|\s|x)/)
  return match?.[1] ? Number(match[1]) : undefined
}
