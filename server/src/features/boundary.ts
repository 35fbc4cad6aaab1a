// The one error boundary of every handler: log, answer with an empty result, never crash.
import type { Connection } from 'vscode-languageserver'

export function guard<P, R>(
  connection: Connection,
  name: string,
  handler: (params: P) => R | Promise<R>,
  empty: () => R,
): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params)
    } catch (error) {
      connection.console.error(`Lucid Lens: ${name} failed: ${describeError(error)}`)
      return empty()
    }
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
