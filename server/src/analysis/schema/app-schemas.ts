// Which schema each model is checked against. Per connection of config/database.ts (a model's
// `static connection` picks one, the default connection the rest): the live database when it has
// been read (the default connection only), else database/schema.ts when that connection writes it,
// else the connection's migrations. Connections with their own migration folders are never merged.
import * as path from 'node:path'
import type * as TS from 'typescript'
import { dialectOfClient, type DatabaseSchema } from '../../../../engine/src/schema'
import type { TsModule } from '../syntax'
import {
  DEFAULT_MIGRATIONS_PATH,
  DEFAULT_SCHEMA_FILE,
  readDatabaseConfig,
  type ConnectionConfig,
  type DatabaseConfig,
} from './database-config'
import { migrationSchema } from './migrations'
import { readSchemaFile } from './schema-file'
import { mergeMigrations } from './schema-file-merge'
import { unionSchema } from './union-schema'

export interface AppSchemas {
  /** The schema of each connection that has one. */
  connections: Map<string, DatabaseSchema>
  /** The schema of models without `static connection`: the default connection's. */
  defaultSchema?: DatabaseSchema
  /** What could not be checked and why, for the log and the status (said once). */
  notes: string[]
}

export interface AppSchemaInputs {
  /** The live development database (the default connection's), once read. */
  live?: DatabaseSchema
  /** Reads a file of the app that the program may not include (database/schema.ts). */
  readFile?: (fileName: string) => string | undefined
}

export function appSchemas(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  inputs: AppSchemaInputs = {},
): AppSchemas {
  const config = readDatabaseConfig(ts, program, rootDir)
  const notes: string[] = []
  if (!config || config.connections.size === 0) {
    const only: ConnectionConfig = {
      name: 'default',
      migrationPaths: [DEFAULT_MIGRATIONS_PATH],
      naturalSort: true,
      schemaFile: DEFAULT_SCHEMA_FILE,
      excludedTables: [],
      customRules: false,
    }
    const schema = inputs.live ?? connectionSchema(ts, program, rootDir, only, true, inputs, notes)
    return {
      connections: new Map(),
      ...(schema ? { defaultSchema: schema } : {}),
      notes: withNotes(notes, schema),
    }
  }
  const writers = schemaFileWriters(config)
  const connections = new Map<string, DatabaseSchema>()
  // Connections with the same sources share one schema object, so they compare equal below.
  const built = new Map<string, DatabaseSchema | undefined>()
  for (const connection of config.connections.values()) {
    const live = connection.name === config.defaultConnection ? inputs.live : undefined
    const writes = writers.get(connection.schemaFile ?? '')?.includes(connection.name) === true
    const key = JSON.stringify([
      writes ? connection.schemaFile : null,
      connection.migrationPaths,
      connection.naturalSort,
      connection.customRules,
      connection.excludedTables,
    ])
    if (!built.has(key))
      built.set(key, connectionSchema(ts, program, rootDir, connection, writes, inputs, notes))
    const schema = live ?? built.get(key)
    if (schema) connections.set(connection.name, schema)
  }
  setFileDialects(config, connections)
  const defaultSchema = defaultOf(config, connections, inputs.live, notes)
  const all = new Set([...connections.values(), ...(defaultSchema ? [defaultSchema] : [])])
  for (const schema of all) for (const note of schema.notes ?? []) notes.push(note)
  return { connections, ...(defaultSchema ? { defaultSchema } : {}), notes: [...new Set(notes)] }
}

function withNotes(notes: string[], schema: DatabaseSchema | undefined): string[] {
  return [...new Set([...notes, ...(schema?.notes ?? [])])]
}

function connectionSchema(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
  connection: ConnectionConfig,
  writesSchemaFile: boolean,
  inputs: AppSchemaInputs,
  notes: string[],
): DatabaseSchema | undefined {
  const migrations = connection.migrationPaths
    ? migrationSchema(ts, program, rootDir, {
        paths: connection.migrationPaths,
        naturalSort: connection.naturalSort,
      })
    : undefined
  if (writesSchemaFile && connection.schemaFile !== undefined) {
    const fileName = path.join(rootDir, connection.schemaFile)
    const file = program.getSourceFile(fileName) ?? parse(ts, fileName, inputs.readFile?.(fileName))
    const schema =
      file &&
      readSchemaFile(ts, file, {
        label: connection.schemaFile,
        customRules: connection.customRules,
        ...(connection.excludedTables ? { excludedTables: connection.excludedTables } : {}),
      })
    if (schema) {
      if (migrations) mergeMigrations(schema, migrations)
      return schema
    }
  }
  if (!connection.migrationPaths)
    notes.push(
      `The migrations.paths of connection "${connection.name}" cannot be read statically, so its models are not checked against a schema.`,
    )
  return migrations
}

function parse(ts: TsModule, fileName: string, text: string | undefined): TS.SourceFile | undefined {
  return text === undefined ? undefined : ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false)
}

/**
 * Which connections each schema file describes. Every connection writes database/schema.ts unless
 * told otherwise, so a file several connections name is the default connection's (the one
 * `migration:run` migrates); with an unreadable default, it is theirs only when they all run the
 * same migrations (then it describes any of them), else nobody's.
 */
function schemaFileWriters(config: DatabaseConfig): Map<string, string[]> {
  const claims = new Map<string, ConnectionConfig[]>()
  for (const connection of config.connections.values())
    if (connection.schemaFile !== undefined)
      claims.set(connection.schemaFile, [...(claims.get(connection.schemaFile) ?? []), connection])
  const writers = new Map<string, string[]>()
  for (const [file, claimants] of claims) {
    const names = claimants.map((c) => c.name)
    const sources = new Set(claimants.map((c) => JSON.stringify([c.migrationPaths, c.naturalSort])))
    if (names.length === 1) writers.set(file, names)
    else if (config.defaultConnection !== undefined) {
      if (names.includes(config.defaultConnection)) writers.set(file, [config.defaultConnection])
    } else if (sources.size === 1 && claimants.every((c) => c.migrationPaths !== undefined))
      writers.set(file, names)
  }
  return writers
}

/** A schema file says no dialect: its connections' client does, when they agree. */
function setFileDialects(config: DatabaseConfig, connections: Map<string, DatabaseSchema>): void {
  const clients = new Map<DatabaseSchema, Set<string | undefined>>()
  for (const [name, schema] of connections) {
    if (schema.source !== 'schema-file') continue
    const client = config.connections.get(name)?.client
    clients.set(schema, (clients.get(schema) ?? new Set()).add(client && dialectOfClient(client)))
  }
  for (const [schema, dialects] of clients) {
    const [only] = dialects
    if (dialects.size === 1 && only !== undefined)
      schema.dialect = only as NonNullable<DatabaseSchema['dialect']>
  }
}

function defaultOf(
  config: DatabaseConfig,
  connections: Map<string, DatabaseSchema>,
  live: DatabaseSchema | undefined,
  notes: string[],
): DatabaseSchema | undefined {
  if (config.defaultConnection !== undefined) return live ?? connections.get(config.defaultConnection)
  if (live) return live
  // An unreadable default (`env.get('DB_CONNECTION')`) is harmless when every connection has the
  // same schema, as starter kits with one migrations folder for pg, mysql and sqlite do.
  const distinct = [...new Set(connections.values())]
  if (distinct.length <= 1) return distinct[0]
  const names = [...config.connections.keys()].filter((name) => connections.has(name))
  if (distinct.every((s) => s.tableNames === distinct[0]?.tableNames)) {
    const folders = [...new Set(names.flatMap((n) => config.connections.get(n)?.migrationPaths ?? []))]
    notes.push(
      `The default connection of config/database.ts cannot be read statically, so models without static connection are checked against the schemas of ${names.map((n) => `"${n}"`).join(', ')} at once: a table or column is reported only when none of them has it.`,
    )
    return unionSchema(
      distinct,
      distinct[0]?.source === 'schema-file' ? (distinct[0].file ?? '') : folders.join(', '),
    )
  }
  notes.push(
    'The default connection of config/database.ts cannot be read statically and its connections have different schemas, so models without static connection are not checked against a schema.',
  )
  return undefined
}
