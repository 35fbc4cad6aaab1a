// The server's settings schema: the single source for defaults. A test checks that the extension
// manifest's `contributes.configuration` declares exactly these keys.
import type { LucidGeneration } from '../../engine/src/model-graph'

export interface Settings {
  lucidVersion: 'auto' | LucidGeneration
  diagnostics: { enable: boolean; severity: Record<string, SeverityOverride> }
  inlayHints: { enable: boolean }
  /** Checks of models against the database schema (today: the app's migrations). */
  schemaChecks: { enable: boolean; disabled: string[] }
  /**
   * The live development database as the schema source (it wins over the migrations). The VS Code
   * client turns it on in trusted workspaces only, since reading it uses the app's credentials.
   */
  database: DatabaseSettings
  preview: { rowCap: number; timeoutMs: number }
  /** Read by the client only (which Node runs the server); kept here so the schema is one list. */
  server: { runtime: string }
}

/** `off` hides a finding; the others replace the code's own severity. */
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off'

export interface DatabaseSettings {
  enable: boolean
  schemaRefreshSeconds: number
  /** `auto`: the app's config/database.ts + .env; otherwise the fields below name the database. */
  connection: 'auto' | 'sqlite' | 'pg' | 'mysql'
  /** SQLite file, relative to the app's folder (where its tsconfig.json is) or absolute. */
  file: string
  host: string
  /** 0: the dialect's default port. */
  port: number
  user: string
  database: string
}

export const SETTINGS_SECTION = 'lucidLens'

/** Every `lucidLens.*` key with its default. `trace.server` is read by the client library. */
export const SETTINGS_SCHEMA = {
  'lucidLens.lucidVersion': 'auto',
  'lucidLens.diagnostics.enable': true,
  'lucidLens.diagnostics.severity': {},
  'lucidLens.inlayHints.enable': false,
  'lucidLens.schemaChecks.enable': true,
  'lucidLens.schemaChecks.disabled': [],
  'lucidLens.database.enable': true,
  'lucidLens.database.schemaRefreshSeconds': 60,
  'lucidLens.database.connection': 'auto',
  'lucidLens.database.file': '',
  'lucidLens.database.host': '',
  'lucidLens.database.port': 0,
  'lucidLens.database.user': '',
  'lucidLens.database.database': '',
  'lucidLens.preview.rowCap': 100,
  'lucidLens.preview.timeoutMs': 10000,
  'lucidLens.server.runtime': '',
  'lucidLens.trace.server': 'off',
} as const

export const DEFAULT_SETTINGS: Settings = {
  lucidVersion: 'auto',
  diagnostics: { enable: true, severity: {} },
  inlayHints: { enable: false },
  schemaChecks: { enable: true, disabled: [] },
  database: {
    enable: true,
    schemaRefreshSeconds: 60,
    connection: 'auto',
    file: '',
    host: '',
    port: 0,
    user: '',
    database: '',
  },
  preview: { rowCap: 100, timeoutMs: 10_000 },
  server: { runtime: '' },
}

/**
 * Reads the `lucidLens` section as a client sends it. Each key the section leaves out, or gives a
 * malformed value, keeps its value in `base`: a `workspace/configuration` answer of `null` or `{}`
 * changes nothing, so database access turned off at initialization stays off until a client turns
 * it on explicitly (`database.enable: true`).
 */
export function readSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const section = isObject(raw) ? raw : {}
  const version = section['lucidVersion']
  const diagnostics = isObject(section['diagnostics']) ? section['diagnostics'] : {}
  const inlayHints = isObject(section['inlayHints']) ? section['inlayHints'] : {}
  const schemaChecks = isObject(section['schemaChecks']) ? section['schemaChecks'] : {}
  const disabled = schemaChecks['disabled']
  const database = isObject(section['database']) ? section['database'] : {}
  const preview = isObject(section['preview']) ? section['preview'] : {}
  const server = isObject(section['server']) ? section['server'] : {}
  const db = base.database
  return {
    lucidVersion:
      version === 'auto' || version === 'v5' || version === 'v6' || version === 'v7'
        ? version
        : base.lucidVersion,
    diagnostics: {
      enable: flag(diagnostics['enable'], base.diagnostics.enable),
      severity: isObject(diagnostics['severity'])
        ? severities(diagnostics['severity'])
        : base.diagnostics.severity,
    },
    inlayHints: { enable: flag(inlayHints['enable'], base.inlayHints.enable) },
    schemaChecks: {
      enable: flag(schemaChecks['enable'], base.schemaChecks.enable),
      // Codes are compared upper-case (`ll405` works); anything that is not a string is dropped.
      disabled: Array.isArray(disabled)
        ? disabled.filter((c): c is string => typeof c === 'string').map((c) => c.trim().toUpperCase())
        : base.schemaChecks.disabled,
    },
    database: {
      enable: flag(database['enable'], db.enable),
      schemaRefreshSeconds: refreshSeconds(database['schemaRefreshSeconds'], db.schemaRefreshSeconds),
      connection: CONNECTIONS.has(database['connection'] as string)
        ? (database['connection'] as DatabaseSettings['connection'])
        : db.connection,
      file: text(database['file'], db.file),
      host: text(database['host'], db.host),
      port: wholeNumber(database['port'], 0, 65_535, db.port),
      user: text(database['user'], db.user),
      database: text(database['database'], db.database),
    },
    preview: {
      rowCap: wholeNumber(preview['rowCap'], 1, 10_000, base.preview.rowCap),
      timeoutMs: wholeNumber(preview['timeoutMs'], 100, 600_000, base.preview.timeoutMs),
    },
    server: { runtime: text(server['runtime'], base.server.runtime) },
  }
}

/**
 * The settings a client gives in `initializationOptions`: `{ settings: { ... } }` (what the VS Code
 * client sends) or the section itself (`{ database: { enable: false } }`), read over the defaults.
 */
export function initializationSettings(options: unknown): Settings {
  if (!isObject(options)) return DEFAULT_SETTINGS
  return readSettings(isObject(options['settings']) ? options['settings'] : options)
}

const CONNECTIONS = new Set(['auto', 'sqlite', 'pg', 'mysql'])
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off'])

/** `{ "LL405": "off", "ll101": "warning" }`: codes upper-cased, unknown severities dropped. */
function severities(value: unknown): Record<string, SeverityOverride> {
  if (!isObject(value)) return {}
  const result: Record<string, SeverityOverride> = {}
  for (const [code, severity] of Object.entries(value))
    if (typeof severity === 'string' && SEVERITIES.has(severity))
      result[code.trim().toUpperCase()] = severity as SeverityOverride
  return result
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback
}

/** A whole number clamped to [min, max]; anything else gives the fallback. */
function wholeNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback
  return Math.min(max, Math.max(min, Math.round(value)))
}

/** 0 turns the periodic re-read off; anything else is whole seconds, at least 5 and at most a day. */
function refreshSeconds(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return fallback
  if (value === 0) return 0
  return Math.min(86_400, Math.max(5, Math.round(value)))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
