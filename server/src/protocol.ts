// Custom requests and notifications shared by the server and the client (the only place).
import type { PlanValue, QueryPlan } from '../../engine/src/plan'
import type { ExecutedStatement, PreviewResult } from '../../engine/src/query/result'
export { placeholder } from '../../engine/src/connection/sketch-executor'
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
  /** What its schema checks use now: the live database, database/schema.ts, the migrations, or nothing. */
  source: 'database' | 'schema-file' | 'migrations' | 'none'
  /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`: the database read or tried. */
  label?: string
  tables: number
  /** Why the database was not used (unreachable, not configured, turned off). */
  problem?: string
  /** What the schema checks could not check and why (partial migrations, a table created twice...). */
  notes?: string[]
}

export interface RefreshSchemaResult {
  apps: AppSchemaStatus[]
}

// ---------------------------------------------------------------------------------------------
// Previews, models, rows, status, code lens and secrets (issue 6). Every request below answers
// with a value that says what went wrong (`kind: 'error'`) rather than failing the request, so the
// client can show the message and hint as they are. Requests honour LSP cancellation: cancelling a
// preview stops the running statement (PostgreSQL/MySQL: on the server; SQLite: its worker).
// ---------------------------------------------------------------------------------------------

/** Command ids, shared by package.json, the client and the server's code lenses. */
export const COMMANDS = {
  restart: RESTART_COMMAND,
  refreshSchema: REFRESH_SCHEMA_COMMAND,
  previewRelated: 'lucidLens.previewRelatedQuery',
  previewPreload: 'lucidLens.previewPreload',
  previewCounts: 'lucidLens.previewRelationCounts',
  previewSelection: 'lucidLens.previewSelectedQuery',
  dryRunWrite: 'lucidLens.dryRunWrite',
  showGraph: 'lucidLens.showRelationshipGraph',
  setPassword: 'lucidLens.setDatabasePassword',
  clearPassword: 'lucidLens.clearDatabasePassword',
  openDatabaseSettings: 'lucidLens.openDatabaseSettings',
} as const

/** Arguments of the code lens "Preview posts" (COMMANDS.previewRelated): no quick pick for them. */
export interface PreviewRelatedArgs {
  /** A document of the app. */
  uri: string
  model: string
  relation: string
}

/** A problem the user can act on: one line, and what to do about it. */
export interface ProblemAnswer {
  kind: 'error'
  message: string
  hint?: string
  /** The engine's code (`E_CONNECTION`, `E_NO_SUCH_TABLE`, `E_CANCELLED`...) or `E_PLAN`/`E_SETUP`. */
  code?: string
}

/** `lucidLens/models`: the models and relations of the app of a document (or of every app). */
export const MODELS_REQUEST = 'lucidLens/models'
export interface ModelsParams {
  uri?: string
}
export interface RelationSummary {
  name: string
  kind: string
  relatedModel: string
  /**
   * Resolved keys (property names), when they resolve, in Lucid's option names: `localKey` on this
   * model (on the related model for belongsTo), `foreignKey` on the related model (on this one for
   * belongsTo, on the through model for hasManyThrough). manyToMany has no foreignKey: see
   * `relatedKey` and `pivot`.
   */
  localKey?: string
  foreignKey?: string
  /** manyToMany: the related model's property the pivot's related foreign key holds. */
  relatedKey?: string
  /** manyToMany: the pivot table and the pivot columns holding each side's key (column names). */
  pivot?: { table: string; foreignKey: string; relatedForeignKey: string }
  /** hasManyThrough: the model in between and its keys (property names). */
  through?: { model: string; localKey: string; foreignKey: string }
  /** Finding codes on the relation's declaration (drawn red in the graph). */
  problems: string[]
  /** Where each of those findings starts (0-based, in the model's file), when there are any. */
  problemStarts?: ProblemStart[]
  /** Previews can run it (hasMany, hasOne, belongsTo, manyToMany; not hasManyThrough yet). */
  previewable: boolean
}
export interface ProblemStart {
  code: string
  line: number
  character: number
}
export interface ModelSummary {
  name: string
  table: string
  primaryKey: string
  /** file:// URI and 0-based line of the class declaration (the graph opens it). */
  uri: string
  line: number
  /** Attribute (property) names of the model's columns, in declaration order. */
  columns: string[]
  /** Their database column names, index-aligned with `columns` (`createdAt` → `created_at`). */
  columnNames: string[]
  relations: RelationSummary[]
}
export interface AppModels {
  root: string
  models: ModelSummary[]
}
export interface ModelsResult {
  apps: AppModels[]
}

/** `lucidLens/rows`: a page of a model's rows for a quick pick (its key and a readable column). */
export const ROWS_REQUEST = 'lucidLens/rows'
export interface RowsParams {
  uri: string
  model: string
  /** Text typed in the quick pick: matched against the key and the label column. */
  search?: string
  /** At most this many (default 50, at most 200). */
  limit?: number
}
export interface RowChoice {
  /** The primary key's value, as the database returned it. */
  key: string | number
  /** The readable column's value (`title`, `name`, `email`... or the key again). */
  label: string
  /** A few other columns, `email: a@b.c · createdAt: ...`. */
  detail: string
}
export type RowsResult =
  | {
      kind: 'rows'
      model: string
      keyAttribute: string
      labelAttribute: string
      rows: RowChoice[]
      target: string
    }
  | ProblemAnswer

/** `lucidLens/preview`: run Lucid code (reads read-only, writes as a rolled-back dry run). */
export const PREVIEW_REQUEST = 'lucidLens/preview'
export interface PreviewParams {
  /** A document of the app: picks the project (tsconfig) and its database. */
  uri: string
  /** Lucid code as a user writes it: `User.findOrFail(1).related('posts').query()`. */
  expression: string
  /** Free variables bound to a row: `{ user: { model: 'User', key: 1 } }` → `User.findOrFail(1)`. */
  variables?: Record<string, { model: string; key: string | number }>
  /** Free variables used as arguments, bound to a value: `{ page: 2 }` for `paginate(page, 20)`. */
  values?: Record<string, PlanValue>
  /** Overrides lucidLens.preview.rowCap. */
  rowCap?: number
  /**
   * Also the query plan of each read statement (`ExecutedStatement.plan`): `plan` is the database's
   * estimate; `analyze` runs each read once more, timed, in the same read-only or dry-run transaction.
   */
  explain?: 'plan' | 'analyze'
}
export interface FreeVariable {
  name: string
  /** An argument that needs a value (`page` in `paginate(page, 20)`), not a row of a model. */
  value?: true
  /** The model the variable holds, when the code's types say so (`user: User`). */
  model?: string
}
export type PreviewAnswer =
  | {
      kind: 'result'
      expression: string
      plan: QueryPlan
      /** `sqlite tmp/db.sqlite3`, `postgres 127.0.0.1:5432/blog`. */
      target: string
      /** The plan writes: it ran as a dry run and was rolled back. */
      dryRun: boolean
      result: PreviewResult
    }
  /**
   * No database to run on (none configured, unreachable, turned off): the SQL Lucid would send,
   * compiled for the app's dialect, values read from rows shown as placeholders (`<User.id>`), and
   * how to connect one.
   */
  | {
      kind: 'sql'
      expression: string
      plan: QueryPlan
      /** `SQLite`, `PostgreSQL`, `MySQL`, with `(assumed)` when nothing names it. */
      dialect: string
      statements: ExecutedStatement[]
      /** What the SQL leaves out (an onQuery hook previews cannot apply...). */
      warnings: string[]
      /** Why nothing ran, and how to connect a database. */
      message: string
      hint?: string
      code?: string
    }
  /** The expression starts at variables that are not bound yet: ask for them and send again. */
  | { kind: 'needsVariables'; variables: FreeVariable[] }
  | ProblemAnswer

/**
 * Problem codes meaning "no database to run on": the client then binds variables to placeholder
 * rows (`placeholder(model, primaryKey)`) instead of asking for a row from an empty list.
 */
export const NO_DATABASE_CODES: readonly string[] = [
  'E_DISABLED',
  'E_SETUP',
  'E_CONNECTION',
  'E_UNKNOWN_DATABASE',
  'E_ACCESS_DENIED',
  'E_NO_SUCH_TABLE',
]

/** `lucidLens/expressionAt`: the Lucid expression under a selection or the cursor, and its free variables. */
export const EXPRESSION_AT_REQUEST = 'lucidLens/expressionAt'
export interface ExpressionAtParams {
  uri: string
  /** 0-based LSP range; an empty range is the cursor (the whole enclosing call chain is taken). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } }
}
export type ExpressionAtResult =
  { kind: 'expression'; expression: string; variables: FreeVariable[] } | ProblemAnswer

/** `lucidLens/status` (server → client notification): what the status bar shows. */
export const STATUS_NOTIFICATION = 'lucidLens/status'
export interface AppStatus {
  root: string
  models: number
  relations: number
  database: {
    /** `ok`: reachable; `error`: configured but failing (see problem); `off`: disabled or untrusted; `none`: nothing configured. */
    state: 'ok' | 'error' | 'off' | 'none'
    label?: string
    problem?: string
  }
  /** What the schema checks could not check and why; absent when everything could be. */
  schemaNotes?: string[]
}
export interface StatusParams {
  apps: AppStatus[]
}

/**
 * `lucidLens/databasePassword` (client → server notification): the password the user stored with
 * "Lucid: Set Database Password" (VS Code SecretStorage), or undefined when cleared. It wins over
 * the app's .env; it lives in the server's memory only.
 */
export const DATABASE_PASSWORD_NOTIFICATION = 'lucidLens/databasePassword'
export interface DatabasePasswordParams {
  password?: string
}

/**
 * `lucidLens/heap`: the server's heap after a full garbage collection, in bytes. Registered only
 * when the process runs with LUCID_LENS_HEAP_REQUEST=1 and `--expose-gc` (the fuzz tier and its
 * bench), never in normal use.
 */
export const HEAP_REQUEST = 'lucidLens/heap'
export interface HeapResult {
  heapUsed: number
  /** False when the process was started without --expose-gc: the figure includes garbage. */
  collected: boolean
}
