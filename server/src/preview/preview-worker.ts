// Entry of the SQLite preview process (bundled as server/out/preview-worker.js; compiled beside
// sqlite-worker.js by tsc). better-sqlite3 is synchronous: a slow statement would block the language
// server, and once inside one SQLite step nothing but killing its process stops it (a terminated
// worker thread runs on until the step returns). So previews run here, one process per preview.
import { previewSqlite } from '../../../engine/src/preview'
import { PreviewError } from '../../../engine/src/query/errors'
import type { WorkerMessage, WorkerReply, WorkerRequest } from './sqlite-worker'

async function run(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const result = await previewSqlite(request.graph, request.plan, request.file, {
      rowCap: request.rowCap,
      dryRun: request.dryRun,
      explain: request.explain,
      timeoutMs: request.timeoutMs,
      scratchDir: request.scratchDir,
      onLockWait: (waiting) => send({ kind: 'lock-wait', waiting }),
    })
    return { kind: 'done', ok: true, result }
  } catch (error) {
    const failure =
      error instanceof PreviewError ? error : new PreviewError(String(error), 'E_RUNTIME_EXCEPTION')
    return {
      kind: 'done',
      ok: false,
      error: { message: failure.message, code: failure.code, statements: failure.statements },
    }
  }
}

function send(message: WorkerMessage, then?: () => void): void {
  // A closed channel (EPIPE, ERR_IPC_CHANNEL_CLOSED) reaches the callback: the parent left, and
  // nobody waits for the answer. Without a callback it would be an unhandled 'error' event.
  const sent = (error: Error | null) => (error ? process.exit(0) : then?.())
  try {
    process.send?.(message, undefined, {}, sent)
  } catch {
    // A value structured cloning refuses: send it the way the language server sends it anyway.
    process.send?.(JSON.parse(JSON.stringify(message)) as WorkerMessage, undefined, {}, sent)
  }
}

// The language server or the CLI went away: nobody waits for the answer.
process.on('disconnect', () => process.exit(0))
process.once('message', (request: WorkerRequest) => {
  void run(request).then((reply) => send(reply, () => process.exit(0)))
})
send({ kind: 'ready' })
