// The server's settings schema: the single source for defaults. A test checks that the extension
// manifest's `contributes.configuration` declares exactly these keys.
import type { LucidGeneration } from '../../engine/src/model-graph'

export interface Settings {
  lucidVersion: 'auto' | LucidGeneration
  diagnostics: { enable: boolean }
  inlayHints: { enable: boolean }
}

export const SETTINGS_SECTION = 'lucidLens'

/** Every `lucidLens.*` key with its default. `trace.server` is read by the client library. */
export const SETTINGS_SCHEMA = {
  'lucidLens.lucidVersion': 'auto',
  'lucidLens.diagnostics.enable': true,
  'lucidLens.inlayHints.enable': false,
  'lucidLens.trace.server': 'off',
} as const

export const DEFAULT_SETTINGS: Settings = {
  lucidVersion: 'auto',
  diagnostics: { enable: true },
  inlayHints: { enable: false },
}

/** Reads the `lucidLens` section as a client sends it, keeping defaults for anything malformed. */
export function readSettings(raw: unknown): Settings {
  const section = isObject(raw) ? raw : {}
  const version = section['lucidVersion']
  const diagnostics = isObject(section['diagnostics']) ? section['diagnostics'] : {}
  const inlayHints = isObject(section['inlayHints']) ? section['inlayHints'] : {}
  return {
    lucidVersion: version === 'v5' || version === 'v6' || version === 'v7' ? version : 'auto',
    diagnostics: { enable: diagnostics['enable'] !== false },
    // Off unless asked for: hints add visual noise to every relation.
    inlayHints: { enable: inlayHints['enable'] === true },
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
