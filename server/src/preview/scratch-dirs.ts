// The scratch folders of SQLite dry runs (the private copies of the user's file): one per dry run,
// named after the language server's pid and deleted once its worker is gone. A server that was itself
// killed cannot delete its own, so the next one deletes those whose server no longer runs.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const PREFIX = 'lucid-lens-dry-run-'

export function makeScratchDir(): string {
  sweepOnce()
  return fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`))
}

let swept = false

function sweepOnce(): void {
  if (swept) return
  swept = true
  removeOrphanScratchDirs()
}

/** Deletes the scratch folders of servers that no longer run; never throws. */
export function removeOrphanScratchDirs(): void {
  let names: string[]
  try {
    names = fs.readdirSync(os.tmpdir())
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^lucid-lens-dry-run-(\d+)-/.exec(name)?.[1])
    if (!pid || isRunning(pid)) continue
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
