// Whether a workspace holds an AdonisJS app with Lucid: the extension activates on any package.json
// or TypeScript file, but only starts the server for such a workspace. Pure: globs and parsing.

/** How many folders deep markers are looked for (`apps/api/adonisrc.ts` is depth 2). */
export const SEARCH_DEPTH = 3

/** `{name,*\/name,*\/*\/name,...}` for every name, down to `depth` folders. */
export function markerGlob(names: readonly string[], depth = SEARCH_DEPTH): string {
  const patterns: string[] = []
  for (let level = 0; level <= depth; level++)
    for (const name of names) patterns.push(`${'*/'.repeat(level)}${name}`)
  return `{${patterns.join(',')}}`
}

export const ADONISRC_GLOB = markerGlob(['adonisrc.ts', '.adonisrc.json'])
export const PACKAGE_JSON_GLOB = markerGlob(['package.json'])
export const EXCLUDE_GLOB = '**/node_modules/**'

/** A package.json whose dependencies (of any kind) include @adonisjs/lucid. */
export function dependsOnLucid(packageJsonText: string): boolean {
  let manifest: unknown
  try {
    manifest = JSON.parse(packageJsonText)
  } catch {
    return false
  }
  if (typeof manifest !== 'object' || manifest === null) return false
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((field) => {
    const deps = (manifest as Record<string, unknown>)[field]
    return typeof deps === 'object' && deps !== null && '@adonisjs/lucid' in deps
  })
}
