// Runs a SQLite preview in its own process (preview-worker.ts), so the caller's event loop stays free
// and a statement can be stopped wherever it is: the process is killed on cancel (E_CANCELLED) or
// when the preview takes longer than the limit (E_TIMEOUT), counted from when the process is ready.
import { fork } from 'node:child_process'
import * as path from 'node:path'
import { cancelled } from '../../../engine/src/connection/database-errors'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { PreviewError, type PreviewErrorCode } from '../../../engine/src/query/errors'
import type { ExecutedStatement, PreviewResult } from '../../../engine/src/query/result'

export interface WorkerRequest {
  graph: ModelGraph
  plan: QueryPlan
  file: string
  rowCap?: number
  dryRun?: boolean
}

export type WorkerReply =
  | { kind: 'done'; ok: true; result: PreviewResult }
  | {
      kind: 'done'
      ok: false
      error: { message: string; code: PreviewErrorCode; statements: ExecutedStatement[] }
    }

export type WorkerMessage = { kind: 'ready' } | WorkerReply

export interface WorkerLimits {
  timeoutMs: number
  signal?: AbortSignal
}

/** Beside this module in both layouts: build/server/src/preview/ and the bundle's server/out/. */
export const WORKER_FILE = path.join(__dirname, 'preview-worker.js')

export function previewSqliteInWorker(request: WorkerRequest, limits: WorkerLimits): Promise<PreviewResult> {
  const { signal, timeoutMs } = limits
  if (signal?.aborted) return Promise.reject(cancelled())
  return new Promise((resolve, reject) => {
    // No inherited flags (--inspect, the test runner's) and no stdout: it may be the LSP channel.
    const child = fork(WORKER_FILE, [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    let timer: NodeJS.Timeout | undefined
    let settled = false
    const finish = (outcome: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      outcome()
    }
    const stop = (error: PreviewError) => finish(() => reject(error))
    const onAbort = () => stop(cancelled())
    signal?.addEventListener('abort', onAbort, { once: true })
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        const text = `The preview took longer than ${timeoutMs} ms and was stopped.`
        timer = setTimeout(() => stop(new PreviewError(text, 'E_TIMEOUT')), timeoutMs)
        child.send(request)
      } else finish(() => (message.ok ? resolve(message.result) : reject(fromReply(message.error))))
    })
    child.on('error', (error) => stop(new PreviewError(error.message, 'E_RUNTIME_EXCEPTION')))
    // `close`, not `exit`: it comes after the last message of the IPC channel was read.
    child.on('close', (code, killed) =>
      stop(
        new PreviewError(
          `The preview process stopped unexpectedly (${killed ?? `exit code ${code}`}).`,
          'E_RUNTIME_EXCEPTION',
        ),
      ),
    )
  })
}

function fromReply(error: Extract<WorkerReply, { ok: false }>['error']): PreviewError {
  const failure = new PreviewError(error.message, error.code)
  failure.statements = error.statements
  return failure
}
