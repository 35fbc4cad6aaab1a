// Requests VS Code makes on its own (code actions on every cursor move, hovers, code lenses) can reach
// a language client that is stopping: the window switches folders, the server restarts. Those calls
// answer nothing instead of logging "Channel has been closed" or "Client is not running". Pure.

/** The language client's messages for a request sent to a connection that is gone. */
const STOPPED =
  /Channel has been closed|Client is not running|Connection is disposed|Pending response rejected/i

export async function whileRunning<T, E>(
  isRunning: () => boolean,
  run: () => T | PromiseLike<T>,
  empty: E,
): Promise<T | E> {
  if (!isRunning()) return empty
  try {
    return await run()
  } catch (error) {
    if (!isRunning() || STOPPED.test(error instanceof Error ? error.message : String(error))) return empty
    throw error
  }
}
