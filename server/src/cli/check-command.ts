// `lucid-lens check` arguments and outcome: which schema the checks use (the migrations by default,
// the live database with --db, none with --no-schema), and the exit status. Problems with the
// arguments come back as text for the usage message; database problems as PreviewProblems.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { LiveSchemaFactory } from '../project/live-schema-source'
import { check, formatJson, formatText } from './check'
import { readDatabaseSchemas } from './check-db'
import { formatSarif } from './sarif'

export interface CheckArgs {
  format: 'text' | 'json' | 'sarif'
  schema: 'auto' | 'migrations' | 'off' | 'database'
  dir: string
  /** With --db: a SQLite file or server URL, or undefined for the database the app's config names. */
  db?: string
  passwordEnv?: string
}

const SERVER_URL = /^(postgres|postgresql|mysql|mariadb):\/\//i
const SCHEMA_FLAGS: Record<string, string> = {
  '--migrations': 'migrations',
  '--no-schema': 'off',
  '--db': 'database',
}

/** `--db` takes the next argument when it is a server URL or an existing file, else stands alone. */
export function parseCheckArgs(rest: string[]): CheckArgs | string {
  let format = 'text'
  let schema = 'auto' as CheckArgs['schema']
  let db: string | undefined
  let passwordEnv: string | undefined
  const dirs: string[] = []
  const choose = (flag: string): string | undefined => {
    const wanted = SCHEMA_FLAGS[flag.replace(/=.*$/, '')] as CheckArgs['schema']
    const previous = Object.keys(SCHEMA_FLAGS).find((f) => SCHEMA_FLAGS[f] === schema)
    if (schema !== 'auto' && schema !== wanted)
      return `${previous} and ${flag.replace(/=.*$/, '')} exclude each other`
    schema = wanted
    return undefined
  }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    const next = rest[i + 1]
    let problem: string | undefined
    if (arg === '--migrations' || arg === '--no-schema') problem = choose(arg)
    else if (arg === '--db' || arg.startsWith('--db=')) {
      problem = choose(arg)
      if (arg.startsWith('--db=')) db = arg.slice('--db='.length)
      else if (next !== undefined && (SERVER_URL.test(next) || isFile(next))) db = rest[++i]
    } else if (arg === '--password-env') passwordEnv = rest[++i] ?? ''
    else if (arg === '--format') format = rest[++i] ?? ''
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg.startsWith('-')) problem = `unknown option "${arg}"`
    else dirs.push(arg)
    if (problem) return problem
  }
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    return `--format must be text, json or sarif, not "${format}"`
  if (passwordEnv !== undefined && schema !== 'database') return '--password-env only goes with --db'
  if (passwordEnv === '') return '--password-env needs the name of an environment variable'
  if (dirs.length > 1) return 'give one directory'
  const dir = path.resolve(dirs[0] ?? '.')
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return `no such directory: ${dir}`
  return { format, schema, dir, ...(db !== undefined ? { db } : {}), ...(passwordEnv ? { passwordEnv } : {}) }
}

/** Reads the databases first when --db asks for them; PreviewProblems say why one cannot be read. */
export async function prepareCheck(args: CheckArgs): Promise<LiveSchemaFactory | undefined> {
  if (args.schema !== 'database') return undefined
  return readDatabaseSchemas(args.dir, { db: args.db, passwordEnv: args.passwordEnv })
}

/** The exit status (1: an error-severity finding), or a usage problem as text. */
export function runCheck(
  args: CheckArgs,
  write: (text: string) => void,
  isTty: boolean,
  liveSchemas?: LiveSchemaFactory,
): number | string {
  const result = check(args.dir, { schema: args.schema !== 'off', ...(liveSchemas ? { liveSchemas } : {}) })
  const { dir } = args
  if (result.apps === 0) return `no tsconfig.json found under ${dir}: is this an AdonisJS app?`
  if (args.schema === 'migrations' && result.schema.apps === 0)
    return `--migrations: no app under ${dir} has migrations extending BaseSchema in database/migrations`
  const formats = { json: formatJson, sarif: formatSarif }
  write(args.format === 'text' ? formatText(result, dir, isTty) : formats[args.format](result, dir))
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile()
  } catch {
    return false
  }
}
