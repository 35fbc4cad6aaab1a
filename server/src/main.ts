// Process entry: `node server/out/server.js --stdio` (or --node-ipc, as vscode-languageclient starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node'
import { describeError } from './features/boundary'
import { registerHeapRequest } from './heap-request'
import { startServer } from './server'

const connection = createConnection(ProposedFeatures.all)
process.on('unhandledRejection', (reason) =>
  connection.console.error(`Lucid Lens: unhandled rejection: ${describeError(reason)}`),
)
process.on('uncaughtException', (error) =>
  connection.console.error(`Lucid Lens: uncaught exception: ${describeError(error)}`),
)
registerHeapRequest(connection)
startServer(connection)
