import * as path from 'node:path'

/** The repository root, from build/test/... or test/... alike. */
export const repoRoot = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}build${path.sep}`) ? '../../..' : '../..',
)

export function fixture(...parts: string[]): string {
  return path.join(repoRoot, 'test', 'fixtures', ...parts)
}
