// Settings shared by the executors of database servers (PostgreSQL, MySQL/MariaDB).

/** Where to connect. The password is passed in memory only; it never appears in messages. */
export interface ServerConnection {
  host: string
  port?: number
  user: string
  password?: string
  database: string
}

export interface ServerExecutorOptions {
  /** The server stops a statement that runs longer (default 10 000 ms); the preview fails with E_TIMEOUT. */
  statementTimeoutMs?: number
  /** Aborting stops the running statement on the server and fails the preview with E_CANCELLED. */
  signal?: AbortSignal
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000

/** The timeout in whole milliseconds; it is interpolated into `SET` statements, so it must be an integer. */
export function statementTimeout(options: ServerExecutorOptions): number {
  const ms = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  if (!Number.isInteger(ms) || ms <= 0)
    throw new RangeError(`statementTimeoutMs must be a positive integer, not ${String(ms)}`)
  return ms
}

/**
 * How long a statement may wait for a lock another connection holds: the time limit less a margin,
 * so the server reports the lock (and the preview says so) before the statement's own limit ends it.
 */
export function lockWaitMs(timeoutMs: number): number {
  return timeoutMs - Math.min(250, Math.floor(timeoutMs / 10))
}

/** MySQL and MariaDB count lock waits in whole seconds, at least one. */
export function wholeSeconds(ms: number): number {
  return Math.max(1, Math.floor(ms / 1000))
}
