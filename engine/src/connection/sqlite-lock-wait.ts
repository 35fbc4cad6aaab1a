// Waiting for a lock on the user's SQLite file. Connections are opened with a busy timeout of 0, so
// SQLite answers SQLITE_BUSY at once and the wait happens here: it lasts as long as the preview's time
// limit (not SQLite's fixed default), the event loop stays free meanwhile (a worker can say that it
// waits), and a limit reached while waiting says which file is locked, not that the query was slow.
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './server-options'
import { isBusy, sqliteLocked } from './sqlite-errors'

export interface SqliteLimits {
  /** The preview's time limit; a lock is waited for at most this long (default 10 000 ms). */
  timeoutMs?: number
  /** Told when a statement starts waiting for a lock (true) and when the wait is over (false). */
  onLockWait?: (waiting: boolean) => void
}

/** The longest pause between two attempts; SQLite's own busy handler sleeps up to 100 ms. */
const MAX_PAUSE_MS = 50

export class LockWait {
  private readonly timeoutMs: number
  private readonly deadline: number

  constructor(
    private readonly file: string,
    private readonly limits: SqliteLimits = {},
  ) {
    this.timeoutMs = limits.timeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
    this.deadline = Date.now() + this.timeoutMs
  }

  /** Runs `attempt` until it does not fail with SQLITE_BUSY, or fails E_LOCKED at the deadline. */
  async run<T>(attempt: () => T): Promise<T> {
    let pause = 1
    let waiting = false
    try {
      for (;;) {
        try {
          return attempt()
        } catch (error) {
          const left = this.deadline - Date.now()
          if (!isBusy(error)) throw error
          if (left <= 0) throw sqliteLocked(this.file, this.timeoutMs)
          if (!waiting) this.limits.onLockWait?.((waiting = true))
          await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)))
          pause = Math.min(pause * 2, MAX_PAUSE_MS)
        }
      }
    } finally {
      if (waiting) this.limits.onLockWait?.(false)
    }
  }
}
