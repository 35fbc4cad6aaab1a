// The `lucid-lens` command line: the same analysis as the editor, with no LSP in between.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeError } from '../features/boundary'
import { check, formatJson, formatText } from './check'

const USAGE = `Usage: lucid-lens check [DIR] [--format text|json]

  check   Report Lucid relation problems in every AdonisJS app under DIR (default: .)
          Exit status: 1 when an error-severity finding exists, 0 otherwise, 2 on a usage problem.`

export function run(argv: string[], write: (text: string) => void, isTty: boolean): number {
  const [command, ...rest] = argv
  if (command === '--help' || command === '-h' || command === undefined) {
    write(USAGE)
    return command === undefined ? 2 : 0
  }
  if (command !== 'check') return usage(write, `unknown command "${command}"`)
  let format = 'text'
  const dirs: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (arg === '--format') format = rest[++i] ?? ''
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg.startsWith('-')) return usage(write, `unknown option "${arg}"`)
    else dirs.push(arg)
  }
  if (format !== 'text' && format !== 'json')
    return usage(write, `--format must be text or json, not "${format}"`)
  if (dirs.length > 1) return usage(write, 'give one directory')
  const dir = path.resolve(dirs[0] ?? '.')
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return usage(write, `no such directory: ${dir}`)
  const result = check(dir)
  if (result.apps === 0) return usage(write, `no tsconfig.json found under ${dir}: is this an AdonisJS app?`)
  write(format === 'json' ? formatJson(result, dir) : formatText(result, dir, isTty))
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0
}

function usage(write: (text: string) => void, problem: string): number {
  write(`lucid-lens: ${problem}\n\n${USAGE}`)
  return 2
}

if (require.main === module) {
  try {
    process.exitCode = run(
      process.argv.slice(2),
      (text) => process.stdout.write(text + '\n'),
      process.stdout.isTTY === true,
    )
  } catch (error) {
    process.stderr.write(`lucid-lens: ${describeError(error)}\n`)
    process.exitCode = 2
  }
}
