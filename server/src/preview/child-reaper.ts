// Preview processes must not outlive the server or CLI that started them. A parent that exits
// (process.exit, the end of its event loop, a handled signal) kills the ones still running, even one
// blocked inside a long SQLite step that would not see `disconnect` until the step returns. A parent
// killed outright (SIGKILL) cannot: its preview process then ends at its next `disconnect`.
import type { ChildProcess } from 'node:child_process'

const running = new Set<ChildProcess>()

process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export function killOnExit(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
}
