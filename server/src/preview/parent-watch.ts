// A preview process must not outlive the process that started it. `disconnect` says so between
// statements, but inside one long SQLite step the event loop is blocked: a thread of its own looks
// at the parent pid and stops the process when the parent is gone (the process was re-parented).
import { Worker } from 'node:worker_threads'

const POLL_MS = 250

const WATCH = `
const { workerData } = require('node:worker_threads')
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(workerData.self, 'SIGKILL')
}, workerData.pollMs)
`

/** Stops this process within a poll interval of its parent's exit, whatever its main thread does. */
export function exitWithParent(): void {
  const watch = new Worker(WATCH, {
    eval: true,
    workerData: { parent: process.ppid, self: process.pid, pollMs: POLL_MS },
    stdout: false,
    stderr: false,
  })
  watch.unref()
}
