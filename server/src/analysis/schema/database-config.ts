// What `config/database.ts` says about schemas: each connection's client, migration folders and
// schema-file settings, and the default connection. Read with the parser, never evaluated; a value
// that cannot be read statically stays undefined and the callers check less instead of guessing.
import * as path from 'node:path'
import type * as TS from 'typescript'
import { memberName, objectProperties, skipOuter, stringValue, type TsModule } from '../syntax'

export const DEFAULT_MIGRATIONS_PATH = 'database/migrations'
export const DEFAULT_SCHEMA_FILE = 'database/schema.ts'

export interface ConnectionConfig {
  name: string
  client?: string
  /**
   * The migration folders, relative to the app, in the order Lucid runs them; undefined when
   * `migrations.paths` is there but cannot be read.
   */
  migrationPaths?: string[]
  naturalSort: boolean
  /** Where `node ace migration:run` writes the schema classes; undefined when turned off or unreadable. */
  schemaFile?: string
  /** `schemaGeneration.excludeTables`: tables the schema file leaves out (undefined: unreadable). */
  excludedTables?: string[]
  /** `schemaGeneration.rulesPaths` may skip columns: a column missing from the file is no evidence. */
  customRules: boolean
}

export interface DatabaseConfig {
  /** Undefined when the default `connection` is not a literal (`env.get('DB_CONNECTION')`). */
  defaultConnection?: string
  connections: Map<string, ConnectionConfig>
}

/** Undefined when the app has no config/database.ts or it holds no `connections` object. */
export function readDatabaseConfig(
  ts: TsModule,
  program: TS.Program,
  rootDir: string,
): DatabaseConfig | undefined {
  const file = databaseConfigFile(program, rootDir)
  const config = file && findConfig(ts, file)
  if (!config) return undefined
  const props = objectProperties(ts, config)
  const connections = new Map<string, ConnectionConfig>()
  const list = props.get('connections')
  if (list && ts.isObjectLiteralExpression(list))
    for (const prop of list.properties) {
      const name = ts.isPropertyAssignment(prop) ? memberName(ts, prop.name) : undefined
      if (name !== undefined && ts.isPropertyAssignment(prop))
        connections.set(name, readConnection(ts, file, name, prop.initializer))
    }
  const connection = props.get('connection')
  const defaultConnection = connection && stringValue(ts, skipOuter(ts, connection))
  return { ...(defaultConnection !== undefined ? { defaultConnection } : {}), connections }
}

/** The app's config/database.ts (or .js) as the program holds it. */
export function databaseConfigFile(program: TS.Program, rootDir: string): TS.SourceFile | undefined {
  return (
    program.getSourceFile(path.join(rootDir, 'config', 'database.ts')) ??
    program.getSourceFile(path.join(rootDir, 'config', 'database.js'))
  )
}

function findConfig(ts: TsModule, file: TS.SourceFile): TS.ObjectLiteralExpression | undefined {
  let found: TS.ObjectLiteralExpression | undefined
  const visit = (node: TS.Node): void => {
    if (found) return
    if (ts.isObjectLiteralExpression(node) && objectProperties(ts, node).has('connections')) found = node
    else ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

function readConnection(
  ts: TsModule,
  file: TS.SourceFile,
  name: string,
  node: TS.Expression,
): ConnectionConfig {
  const connection = propsOf(ts, file, node)
  const props = connection.props
  const client = stringValue(ts, props.get('client'))
  // A spread or a variable we cannot read may set any option: then the default is no safer a guess.
  const migrations = props.has('migrations')
    ? propsOf(ts, file, props.get('migrations'))
    : { props: new Map<string, TS.Expression>(), known: connection.known }
  const generation = props.get('schemaGeneration')
  const generated = generation ? propsOf(ts, file, generation) : { props: new Map(), known: true }
  const schema = generated.props
  const enabled = schema.get('enabled')
  const off = enabled !== undefined && enabled.kind === ts.SyntaxKind.FalseKeyword
  const output = schema.has('outputPath') ? stringValue(ts, schema.get('outputPath')) : DEFAULT_SCHEMA_FILE
  const excluded = schema.has('excludeTables') ? strings(ts, schema.get('excludeTables')) : []
  // Lucid falls back to the default folder for an empty list as for a missing one.
  const listed = migrations.props.has('paths') ? strings(ts, migrations.props.get('paths')) : []
  const fallback = migrations.known ? [DEFAULT_MIGRATIONS_PATH] : undefined
  const migrationPaths = listed === undefined ? undefined : listed.length > 0 ? listed : fallback
  return {
    name,
    ...(client !== undefined ? { client } : {}),
    ...(migrationPaths ? { migrationPaths: migrationPaths.map(normalizePath) } : {}),
    naturalSort: migrations.props.get('naturalSort')?.kind === ts.SyntaxKind.TrueKeyword,
    ...(!off && output !== undefined ? { schemaFile: normalizePath(output) } : {}),
    ...(excluded ? { excludedTables: excluded } : {}),
    customRules: schema.has('rulesPaths') || !generated.known,
  }
}

/**
 * The properties of an object literal, following spreads and `const` names of the same file
 * (`{ ...baseConnection, migrations }`); `known` is false when some could not be followed.
 */
function propsOf(
  ts: TsModule,
  file: TS.SourceFile,
  node: TS.Expression | undefined,
  depth = 0,
): { props: Map<string, TS.Expression>; known: boolean } {
  const object = node && resolve(ts, file, node)
  if (!object || depth > 4) return { props: new Map(), known: false }
  const props = new Map<string, TS.Expression>()
  let known = true
  for (const prop of object.properties) {
    if (ts.isSpreadAssignment(prop)) {
      const spread = propsOf(ts, file, prop.expression, depth + 1)
      for (const [key, value] of spread.props) props.set(key, value)
      known &&= spread.known
      continue
    }
    const key = prop.name ? memberName(ts, prop.name) : undefined
    if (key === undefined) known = false
    else if (ts.isPropertyAssignment(prop)) props.set(key, prop.initializer)
    else if (ts.isShorthandPropertyAssignment(prop)) props.set(key, prop.name)
  }
  return { props, known }
}

/** An object literal, or the object literal a `const` of the file is initialised with. */
function resolve(
  ts: TsModule,
  file: TS.SourceFile,
  node: TS.Expression,
): TS.ObjectLiteralExpression | undefined {
  const expr = skipOuter(ts, node)
  if (ts.isObjectLiteralExpression(expr)) return expr
  if (!ts.isIdentifier(expr)) return undefined
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue
    for (const declaration of statement.declarationList.declarations)
      if (ts.isIdentifier(declaration.name) && declaration.name.text === expr.text && declaration.initializer)
        return resolve(ts, file, declaration.initializer)
  }
  return undefined
}

/** `['a', 'b']` when every element is a literal, else undefined. */
function strings(ts: TsModule, node: TS.Expression | undefined): string[] | undefined {
  const list = node && skipOuter(ts, node)
  if (!list || !ts.isArrayLiteralExpression(list)) return undefined
  const values = list.elements.map((e) => stringValue(ts, e))
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined
}

/** `./database/migrations/` → `database/migrations`: folders compare as written relative to the app. */
export function normalizePath(folder: string): string {
  return path.posix.normalize(folder.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '')
}
