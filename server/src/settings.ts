// The server's settings schema: the single source for defaults. A test checks that the extension
// manifest's `contributes.configuration` declares exactly these keys.
import type { LucidGeneration } from '../../engine/src/model-graph'

export interface Settings {
  lucidVersion: 'auto' | LucidGeneration
  diagnostics: { enable: boolean }
  inlayHints: { enable: boolean }
  /** Checks of models against the database schema (today: the app's migrations). */
  schemaChecks: { enable: boolean; disabled: string[] }
}

export const SETTINGS_SECTION = 'lucidLens'

/** Every `lucidLens.*` key with its default. `trace.server` is read by the client library. */
export const SETTINGS_SCHEMA = {
  'lucidLens.lucidVersion': 'auto',
  'lucidLens.diagnostics.enable': true,
  'lucidLens.inlayHints.enable': false,
  'lucidLens.schemaChecks.enable': true,
  'lucidLens.schemaChecks.disabled': [],
  'lucidLens.trace.server': 'off',
} as const

export const DEFAULT_SETTINGS: Settings = {
  lucidVersion: 'auto',
  diagnostics: { enable: true },
  inlayHints: { enable: false },
  schemaChecks: { enable: true, disabled: [] },
}

/** Reads the `lucidLens` section as a client sends it, keeping defaults for anything malformed. */
export function readSettings(raw: unknown): Settings {
  const section = isObject(raw) ? raw : {}
  const version = section['lucidVersion']
  const diagnostics = isObject(section['diagnostics']) ? section['diagnostics'] : {}
  const inlayHints = isObject(section['inlayHints']) ? section['inlayHints'] : {}
  const schemaChecks = isObject(section['schemaChecks']) ? section['schemaChecks'] : {}
  const disabled = schemaChecks['disabled']
  return {
    lucidVersion: version === 'v5' || version === 'v6' || version === 'v7' ? version : 'auto',
    diagnostics: { enable: diagnostics['enable'] !== false },
    // Off unless asked for: hints add visual noise to every relation.
    inlayHints: { enable: inlayHints['enable'] === true },
    schemaChecks: {
      enable: schemaChecks['enable'] !== false,
      // Codes are compared upper-case (`ll405` works); anything that is not a string is dropped.
      disabled: Array.isArray(disabled)
        ? disabled.filter((c): c is string => typeof c === 'string').map((c) => c.trim().toUpperCase())
        : [],
    },
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
