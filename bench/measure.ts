// Runs node scripts in fresh child processes, timed from spawn to exit. Peak RSS comes from GNU
// time's %M when /usr/bin/time exists (the same measure for our script and for tsc); both commands
// are wrapped alike, so its ~1 ms of overhead cancels out of the ratio.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { performance } from 'node:perf_hooks'

const GNU_TIME = '/usr/bin/time'

export const hasGnuTime = isExecutable(GNU_TIME)

export interface ChildRun {
  ms: number
  stdout: string
  stderr: string
  /** Kilobytes, from GNU time; undefined without it. */
  maxRssKb?: number
}

/** `node <args>`; stdout is kept only when `keepStdout` (tsc prints megabytes of missing-module errors). */
export function runNode(args: string[], keepStdout: boolean): ChildRun {
  const [command, argv] = hasGnuTime
    ? [GNU_TIME, ['-f', '%M', process.execPath, ...args]]
    : [process.execPath, args]
  const started = performance.now()
  const result = spawnSync(command, argv, {
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const ms = performance.now() - started
  if (result.error) throw result.error
  const stderr = result.stderr ?? ''
  // GNU time prints "Command exited with non-zero status N" first (tsc exits 2 here); %M comes last.
  const lastLine = stderr.trim().split('\n').pop() ?? ''
  const maxRssKb = hasGnuTime && /^\d+$/.test(lastLine) ? Number(lastLine) : undefined
  return { ms, stdout: result.stdout ?? '', stderr, maxRssKb }
}

/** The last line of a child's stdout as JSON, or an error that shows what the child printed. */
export function lastJsonLine<T>(run: ChildRun, what: string): T {
  const line = run.stdout.trim().split('\n').pop() ?? ''
  try {
    return JSON.parse(line) as T
  } catch {
    throw new Error(`${what} printed no JSON result:\n${(run.stdout + run.stderr).slice(-3000)}`)
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}
