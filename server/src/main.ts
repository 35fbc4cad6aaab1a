// Process entry: `node server/out/server.js --stdio` (or --node-ipc, as vscode-languageclient starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node'
import { describeError } from './features/boundary'
import { registerHeapRequest } from './heap-request'
import { startServer } from './server'

// A client that closed our output (EPIPE on stdout) went away: nobody reads an answer any more.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
})

const connection = createConnection(ProposedFeatures.all)
/** Logs to the client while it listens; a closed connection has nobody to tell. */
function logError(text: string): void {
  try {
    connection.console.error(text)
  } catch {
    // The connection is closed: the process ends with the input stream (vscode-languageserver).
  }
}
process.on('unhandledRejection', (reason) =>
  logError(`Lucid Lens: unhandled rejection: ${describeError(reason)}`),
)
process.on('uncaughtException', (error) =>
  logError(`Lucid Lens: uncaught exception: ${describeError(error)}`),
)
registerHeapRequest(connection)
startServer(connection)
