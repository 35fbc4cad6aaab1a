// Finds the app's development database the way the app itself would: `config/database.ts` (v6
// `defineConfig({...})`, v5 `const databaseConfig = {...}`) read with the TypeScript parser, values
// from `.env` through `env.get(...)`/`Env.get(...)`, and paths through `app.tmpPath(...)`.
// Nothing is evaluated: what cannot be read statically is reported, not guessed.
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'
import type { IntrospectionTarget } from '../../../engine/src/introspect'
import { readEnvFile } from './env-file'

export type DatabaseTarget =
  | { client: 'sqlite'; filename: string; description: string }
  | {
      client: 'pg' | 'mysql'
      description: string
      host?: string
      port?: number
      user?: string
      database?: string
      /** The password as config/database.ts reads it (usually from .env); never printed. */
      password?: string
      /** The environment variable the password comes from (`env.get('DB_PASSWORD')`), for messages. */
      passwordEnv?: string
    }

export class DiscoveryError extends Error {
  constructor(
    message: string,
    /** What to do about it, when the caller knows (the editor's settings, a migration to run). */
    readonly hint?: string,
  ) {
    super(message)
  }
}

const SQLITE_CLIENTS = new Set(['sqlite', 'sqlite3', 'better-sqlite3', 'libsql'])
const PG_CLIENTS = new Set(['pg', 'postgres', 'postgresql'])
const MYSQL_CLIENTS = new Set(['mysql', 'mysql2'])

export function discoverDatabase(
  root: string,
  env: Record<string, string | undefined> = { ...readEnvFile(root), ...process.env },
): DatabaseTarget {
  const rootDir = path.resolve(root)
  const configFile = path.join(rootDir, 'config', 'database.ts')
  if (!fs.existsSync(configFile)) {
    const fallback = path.join(rootDir, 'tmp', 'db.sqlite3')
    if (fs.existsSync(fallback))
      return {
        client: 'sqlite',
        filename: fallback,
        description: 'sqlite tmp/db.sqlite3 (no config/database.ts)',
      }
    throw new DiscoveryError(`No config/database.ts in ${rootDir}.`)
  }
  const source = ts.createSourceFile(
    configFile,
    fs.readFileSync(configFile, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  )
  const config = findConfigObject(source)
  if (!config)
    throw new DiscoveryError('config/database.ts has no object with `connection` and `connections`.')
  const values = new StaticValues(rootDir, env)
  const name = values.string(property(config, 'connection'))
  if (!name)
    throw new DiscoveryError('The default `connection` of config/database.ts cannot be read statically.')
  const connections = property(config, 'connections')
  const entry =
    connections && ts.isObjectLiteralExpression(connections) ? property(connections, name) : undefined
  if (!entry || !ts.isObjectLiteralExpression(entry))
    throw new DiscoveryError(`config/database.ts defines no connection "${name}".`)
  const client = values.string(property(entry, 'client')) ?? ''
  const connection = property(entry, 'connection')
  const settings = connection && ts.isObjectLiteralExpression(connection) ? connection : undefined
  const where = `config/database.ts, connection "${name}"`
  if (SQLITE_CLIENTS.has(client)) {
    const filename = settings ? values.string(property(settings, 'filename')) : undefined
    if (!filename) throw new DiscoveryError(`The SQLite filename of ${where} cannot be read statically.`)
    const file = path.resolve(rootDir, filename)
    return {
      client: 'sqlite',
      filename: file,
      description: `sqlite ${path.relative(rootDir, file)} (${where})`,
    }
  }
  const kind = PG_CLIENTS.has(client) ? 'pg' : MYSQL_CLIENTS.has(client) ? 'mysql' : undefined
  if (!kind) throw new DiscoveryError(`The client "${client}" of ${where} is not supported.`)
  const port = Number(settings ? values.string(property(settings, 'port')) : undefined)
  const password = settings ? property(settings, 'password') : undefined
  const target: DatabaseTarget = {
    client: kind,
    description: `${kind} (${where})`,
    host: settings ? values.string(property(settings, 'host')) : undefined,
    port: Number.isFinite(port) ? port : undefined,
    user: settings ? values.string(property(settings, 'user')) : undefined,
    database: settings ? values.string(property(settings, 'database')) : undefined,
  }
  // Only set when present, so configs without a password compare equal to plain targets.
  const passwordValue = values.string(password)
  if (passwordValue !== undefined) target.password = passwordValue
  const passwordEnv = envName(password)
  if (passwordEnv !== undefined) target.passwordEnv = passwordEnv
  return target
}

/** `env.get('DB_PASSWORD')` / `Env.get('PG_PASSWORD', '')`: the variable's name. */
function envName(node: ts.Expression | undefined): string | undefined {
  while (
    node &&
    (ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node))
  )
    node = node.expression
  if (!node || !ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined
  const [name] = node.arguments
  return node.expression.name.text === 'get' && name && ts.isStringLiteral(name) ? name.text : undefined
}

function findConfigObject(source: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined
  const visit = (node: ts.Node): void => {
    if (found) return
    if (ts.isObjectLiteralExpression(node) && property(node, 'connection') && property(node, 'connections'))
      found = node
    else ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const prop of object.properties) {
    const key =
      prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : undefined
    if (key !== name) continue
    if (ts.isPropertyAssignment(prop)) return prop.initializer
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name
  }
  return undefined
}

/** Reads literals, env lookups with defaults, `app.tmpPath`/`makePath` and simple templates. */
class StaticValues {
  constructor(
    private readonly rootDir: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  string(node: ts.Expression | undefined): string | undefined {
    if (!node) return undefined
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node))
      return node.text
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node))
      return this.string(node.expression)
    if (
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)
    ) {
      return this.string(node.left) || this.string(node.right)
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text]
      for (const span of node.templateSpans) {
        const value = this.string(span.expression)
        if (value === undefined) return undefined
        parts.push(value, span.literal.text)
      }
      return parts.join('')
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
      return this.call(node.expression.name.text, node.arguments)
    return undefined
  }

  private call(method: string, args: readonly ts.Expression[]): string | undefined {
    const values = args.map((arg) => this.string(arg))
    if (method === 'get') {
      const name = values[0]
      if (name === undefined) return undefined
      // Own variables only: `env.get('constructor')` must not find Object.prototype's.
      return (Object.hasOwn(this.env, name) ? this.env[name] : undefined) ?? values[1]
    }
    if (values.some((v) => v === undefined)) return undefined
    const parts = values as string[]
    if (method === 'tmpPath') return path.join(this.rootDir, 'tmp', ...parts)
    if (method === 'makePath' || method === 'join' || method === 'resolve')
      return path.resolve(this.rootDir, ...parts)
    return undefined
  }
}

/**
 * What to connect to for a discovered database: the SQLite file, or a server connection. A server
 * whose user or database cannot be read statically is a DiscoveryError; callers add their remedy.
 */
export function connectionOf(found: DatabaseTarget): IntrospectionTarget {
  if (found.client === 'sqlite') return { kind: 'sqlite', file: found.filename }
  const missing = (['user', 'database'] as const).filter((key) => !found[key])
  if (missing.length > 0) {
    throw new DiscoveryError(
      `The ${missing.join(' and ')} of ${found.description} cannot be read statically.`,
    )
  }
  return {
    kind: found.client,
    connection: {
      host: found.host || 'localhost',
      port: found.port,
      user: found.user as string,
      database: found.database as string,
      password: found.password || undefined,
    },
  }
}
