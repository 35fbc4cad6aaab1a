// The server's settings schema: the single source for defaults. A test checks that the extension
// manifest's `contributes.configuration` declares exactly these keys.
import type { LucidGeneration } from '../../engine/src/model-graph'

export interface Settings {
  lucidVersion: 'auto' | LucidGeneration
  diagnostics: { enable: boolean }
  inlayHints: { enable: boolean }
  /** Checks of models against the database schema (today: the app's migrations). */
  schemaChecks: { enable: boolean; disabled: string[] }
  /**
   * The live development database as the schema source (it wins over the migrations). The VS Code
   * client turns it on in trusted workspaces only, since reading it uses the app's credentials.
   */
  database: { enable: boolean; schemaRefreshSeconds: number }
}

export const SETTINGS_SECTION = 'lucidLens'

/** Every `lucidLens.*` key with its default. `trace.server` is read by the client library. */
export const SETTINGS_SCHEMA = {
  'lucidLens.lucidVersion': 'auto',
  'lucidLens.diagnostics.enable': true,
  'lucidLens.inlayHints.enable': false,
  'lucidLens.schemaChecks.enable': true,
  'lucidLens.schemaChecks.disabled': [],
  'lucidLens.database.enable': true,
  'lucidLens.database.schemaRefreshSeconds': 60,
  'lucidLens.trace.server': 'off',
} as const

export const DEFAULT_SETTINGS: Settings = {
  lucidVersion: 'auto',
  diagnostics: { enable: true },
  inlayHints: { enable: false },
  schemaChecks: { enable: true, disabled: [] },
  database: { enable: true, schemaRefreshSeconds: 60 },
}

/** Reads the `lucidLens` section as a client sends it, keeping defaults for anything malformed. */
export function readSettings(raw: unknown): Settings {
  const section = isObject(raw) ? raw : {}
  const version = section['lucidVersion']
  const diagnostics = isObject(section['diagnostics']) ? section['diagnostics'] : {}
  const inlayHints = isObject(section['inlayHints']) ? section['inlayHints'] : {}
  const schemaChecks = isObject(section['schemaChecks']) ? section['schemaChecks'] : {}
  const disabled = schemaChecks['disabled']
  const database = isObject(section['database']) ? section['database'] : {}
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
    database: {
      enable: database['enable'] !== false,
      schemaRefreshSeconds: refreshSeconds(database['schemaRefreshSeconds']),
    },
  }
}

/** 0 turns the periodic re-read off; anything else is whole seconds, at least 5 and at most a day. */
function refreshSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 60
  if (value === 0) return 0
  return Math.min(86_400, Math.max(5, Math.round(value)))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
