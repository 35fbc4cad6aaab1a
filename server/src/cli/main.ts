// The `lucid-lens` command line: the same analysis as the editor, with no LSP in between.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeError } from '../features/boundary'
import { parseCheckArgs, prepareCheck, runCheck } from './check-command'
import { graph } from './graph'
import { preview, PreviewProblem } from './preview'

const USAGE = `Usage: lucid-lens check [DIR] [--format text|json|sarif]
                        [--migrations | --db [FILE|URL] [--password-env NAME] | --no-schema]
       lucid-lens preview [--project DIR] [--db FILE|URL] [--password-env NAME] [--timeout MS]
                          [--rows N] [--json] [--explain[=analyze]] EXPRESSION
       lucid-lens graph [DIR] [--format mermaid|dot|json]

  check   Report Lucid relation problems in every AdonisJS app under DIR (default: .)
          Exit status: 1 when an error-severity finding exists, 0 otherwise, 2 on a usage problem.
          --format json gives the findings as JSON; --format sarif as SARIF 2.1.0, which GitHub code
          scanning shows on pull requests (github/codeql-action/upload-sarif).

  Schema checks (LL401-LL406) compare models with the schema the app's database/migrations build.
  They run by default for every app that has migrations.
  --migrations   require them: exit with 2 when no app under DIR has readable migrations
  --db [FILE|URL]  check against the live development database instead (read-only): the one
                 config/database.ts and .env name, or a SQLite file, postgres://USER@HOST:PORT/DB or
                 mysql://USER@HOST:PORT/DB; exit with 2 when it cannot be read
  --password-env NAME  with --db: read the password from the environment variable NAME
  --no-schema    skip them

  preview Run Lucid code against the app's development database (read-only) and print the SQL
          Lucid runs and the rows it returns, e.g.
            lucid-lens preview "User.findOrFail(1).related('posts').query().where('isPublished', true)"
            lucid-lens preview "User.query().preload('posts', (q) => q.groupLimit(2))"
          The database is the one config/database.ts and .env name, unless --db says otherwise:
          --project DIR  the app (default: .)
          --db FILE|URL  a SQLite file, postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB
                         (reads in a READ ONLY transaction, always rolled back)
          --password-env NAME  read the password from the environment variable NAME; a password
                         in the URL works too but stays in your shell history
          --timeout MS   a statement is stopped after MS milliseconds (default 10000)
          --rows N       row cap per statement (default 100)   --json  machine-readable output
          --explain      also print each read's query plan (EXPLAIN); --explain=analyze runs each
                         read once more, timed, in the same read-only or rolled-back transaction

  graph   The models and relations of every app under DIR, with resolved keys, as a Mermaid
          flowchart (default), Graphviz DOT or JSON. Relations with findings are drawn red.`

/** Every command; `preview` is asynchronous (it reads the database). */
export async function main(argv: string[], write: (text: string) => void, isTty: boolean): Promise<number> {
  if (argv[0] === 'preview') return runPreview(argv.slice(1), write, isTty)
  if (argv[0] === 'graph') return runGraph(argv.slice(1), write)
  if (argv[0] === 'check' && argv.some((arg) => arg === '--db' || arg.startsWith('--db=')))
    return runCheckWithDb(argv.slice(1), write, isTty)
  return run(argv, write, isTty)
}

export function runGraph(args: string[], write: (text: string) => void): number {
  let format = 'mermaid'
  const dirs: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--format') format = args[++i] ?? ''
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg.startsWith('-')) return usage(write, `unknown option "${arg}"`)
    else dirs.push(arg)
  }
  if (format !== 'mermaid' && format !== 'dot' && format !== 'json') {
    return usage(write, `--format must be mermaid, dot or json, not "${format}"`)
  }
  const dir = path.resolve(dirs[0] ?? '.')
  if (dirs.length > 1 || !fs.existsSync(dir))
    return usage(write, dirs.length > 1 ? 'give one directory' : `no such directory: ${dir}`)
  const result = graph(dir, format)
  if (result.apps === 0) return usage(write, `no Lucid models found under ${dir}`)
  write(result.text)
  return 0
}

export async function runPreview(
  args: string[],
  write: (text: string) => void,
  isTty: boolean,
): Promise<number> {
  let project = '.'
  let db: string | undefined
  let passwordEnv: string | undefined
  let timeout: number | undefined
  let rows: number | undefined
  let json = false
  let explain: 'plan' | 'analyze' | undefined
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--project') project = args[++i] ?? ''
    else if (arg === '--db') db = args[++i]
    else if (arg === '--password-env') passwordEnv = args[++i] ?? ''
    else if (arg === '--timeout') timeout = Number(args[++i])
    else if (arg === '--rows') rows = Number(args[++i])
    else if (arg === '--json') json = true
    else if (arg === '--explain' || arg === '--explain=plan') explain = 'plan'
    else if (arg === '--explain=analyze') explain = 'analyze'
    else if (arg.startsWith('--explain='))
      return usage(write, `--explain takes no value or "analyze", not "${arg.slice('--explain='.length)}"`)
    else if (arg.startsWith('--')) return usage(write, `unknown option "${arg}"`)
    else words.push(arg)
  }
  if (rows !== undefined && !(Number.isInteger(rows) && rows > 0))
    return usage(write, '--rows must be a positive integer')
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0))
    return usage(write, '--timeout must be a positive number of milliseconds')
  if (passwordEnv === '') return usage(write, '--password-env needs the name of an environment variable')
  const expression = words.join(' ').trim()
  if (!expression) return usage(write, 'preview needs a Lucid expression')
  try {
    const options = {
      project: path.resolve(project),
      db,
      passwordEnv,
      timeout,
      rows,
      json,
      explain,
      expression,
    }
    write(await preview(options, isTty))
    return 0
  } catch (error) {
    if (!(error instanceof PreviewProblem)) throw error
    if (error.output) write(error.output)
    write(`lucid-lens: ${error.message}${error.hint ? `\n${error.hint}` : ''}`)
    return 2
  }
}

export function run(argv: string[], write: (text: string) => void, isTty: boolean): number {
  const [command, ...rest] = argv
  if (command === '--help' || command === '-h' || command === undefined) {
    write(USAGE)
    return command === undefined ? 2 : 0
  }
  if (command !== 'check') return usage(write, `unknown command "${command}"`)
  const args = parseCheckArgs(rest)
  if (typeof args === 'string') return usage(write, args)
  // Reading a database is asynchronous: main() runs `check --db`.
  if (args.schema === 'database') return usage(write, '--db is only available through main()')
  const outcome = runCheck(args, write, isTty)
  return typeof outcome === 'string' ? usage(write, outcome) : outcome
}

/** `check` with --db: the databases are read first; one that cannot be read is exit status 2. */
async function runCheckWithDb(
  rest: string[],
  write: (text: string) => void,
  isTty: boolean,
): Promise<number> {
  const args = parseCheckArgs(rest)
  if (typeof args === 'string') return usage(write, args)
  try {
    const outcome = runCheck(args, write, isTty, await prepareCheck(args))
    return typeof outcome === 'string' ? usage(write, outcome) : outcome
  } catch (error) {
    if (!(error instanceof PreviewProblem)) throw error
    if (error.output) write(error.output)
    write(`lucid-lens: ${error.message}${error.hint ? `\n${error.hint}` : ''}`)
    return 2
  }
}

function usage(write: (text: string) => void, problem: string): number {
  write(`lucid-lens: ${problem}\n\n${USAGE}`)
  return 2
}

/** A reader that stopped reading (`lucid-lens check | head -1`) ends the command, quietly. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  })
}

if (require.main === module) {
  endQuietlyOnClosedPipe(process.stdout)
  endQuietlyOnClosedPipe(process.stderr)
  main(
    process.argv.slice(2),
    (text) => process.stdout.write(text + '\n'),
    process.stdout.isTTY === true,
  ).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`lucid-lens: ${describeError(error)}\n`)
      process.exitCode = 2
    },
  )
}
