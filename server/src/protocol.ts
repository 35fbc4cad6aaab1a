// Custom requests and notifications shared by the server and the client (the only place).
export { SETTINGS_SECTION } from './settings'

/** The command the client registers to restart the server. */
export const RESTART_COMMAND = 'lucidLens.restartServer'

/** The command (palette: "Lucid: Refresh Database Schema") that sends REFRESH_SCHEMA_REQUEST. */
export const REFRESH_SCHEMA_COMMAND = 'lucidLens.refreshDatabaseSchema'

/** Reads every app's development database schema again; answers once the reads are done. */
export const REFRESH_SCHEMA_REQUEST = 'lucidLens/refreshSchema'

export interface RefreshSchemaParams {
  /** Only the app of this document; every app the server knows when absent. */
  uri?: string
}

export interface AppSchemaStatus {
  /** The app's folder (where its tsconfig.json is). */
  root: string
  /** What its schema checks use now: the live database, the migrations, or nothing. */
  source: 'database' | 'migrations' | 'none'
  /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`: the database read or tried. */
  label?: string
  tables: number
  /** Why the database was not used (unreachable, not configured, turned off). */
  problem?: string
}

export interface RefreshSchemaResult {
  apps: AppSchemaStatus[]
}
