// Runs a SQLite preview in its own process (preview-worker.ts), so the caller's event loop stays free
// and a statement can be stopped wherever it is: the process is killed on cancel (E_CANCELLED) or
// when the preview takes longer than the limit (E_TIMEOUT), counted from when the process is ready.
// A process runs one preview and exits; a spare is kept started once previews are in use.
// Killing it is safe for the user's file: the process opens it read-only, and a dry run writes to a
// private copy in a scratch folder made here and deleted here once the process is gone.
import { fork, type ChildProcess } from 'node:child_process'
import { killOnExit } from './child-reaper'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { cancelled } from '../../../engine/src/connection/database-errors'
import { sqliteLocked } from '../../../engine/src/connection/sqlite-errors'
import type { ExplainMode } from '../../../engine/src/explain/plan-tree'
import type { ModelGraph } from '../../../engine/src/model-graph'
import type { QueryPlan } from '../../../engine/src/plan'
import { PreviewError, type PreviewErrorCode } from '../../../engine/src/query/errors'
import type { ExecutedStatement, PreviewResult } from '../../../engine/src/query/result'
import { makeScratchDir } from './scratch-dirs'

export interface WorkerRequest {
  graph: ModelGraph
  plan: QueryPlan
  file: string
  rowCap?: number
  dryRun?: boolean
  explain?: ExplainMode
  /** Set by previewSqliteInWorker: the time limit (lock waits follow it) and the dry run's folder. */
  timeoutMs?: number
  scratchDir?: string
}

export type WorkerReply =
  | { kind: 'done'; ok: true; result: PreviewResult }
  | {
      kind: 'done'
      ok: false
      error: { message: string; code: PreviewErrorCode; statements: ExecutedStatement[] }
    }

/** `lock-wait`: a statement waits for a lock another connection holds on the file (or got it). */
export type WorkerMessage = { kind: 'ready' } | { kind: 'lock-wait'; waiting: boolean } | WorkerReply

export interface WorkerLimits {
  timeoutMs: number
  signal?: AbortSignal
}

/** Beside this module in both layouts: build/server/src/preview/ and the bundle's server/out/. */
export const WORKER_FILE = path.join(__dirname, 'preview-worker.js')

export function previewSqliteInWorker(request: WorkerRequest, limits: WorkerLimits): Promise<PreviewResult> {
  const { signal, timeoutMs } = limits
  if (signal?.aborted) return Promise.reject(cancelled())
  const worker = takeWorker()
  const scratchDir = request.dryRun ? makeScratchDir() : undefined
  return new Promise((resolve, reject) => {
    const { child } = worker
    let timer: NodeJS.Timeout | undefined
    let waitingOnLock = false
    // The answer is decided at the first of: the reply, a cancel, the time limit, the process ending;
    // it is given once the process is gone and its scratch folder deleted, so the file is no longer
    // open when the caller hears back.
    let outcome: (() => void) | undefined
    const deliver = () => {
      if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true })
      outcome?.()
    }
    const decide = (then: () => void): void => {
      if (outcome) return
      outcome = then
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    const stop = (error: PreviewError) => decide(() => reject(error))
    const onAbort = () => stop(cancelled())
    signal?.addEventListener('abort', onAbort, { once: true })
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'lock-wait') waitingOnLock = message.waiting
      if (message.kind === 'done')
        decide(() => (message.ok ? resolve(message.result) : reject(fromReply(message.error))))
    })
    child.on('error', (error) => {
      stop(new PreviewError(error.message, 'E_RUNTIME_EXCEPTION'))
      // A process that never started has no `close` to wait for.
      if (child.pid === undefined) deliver()
    })
    // `close`, not `exit`: it comes after the last message of the IPC channel was read.
    child.on('close', (code, killed) => {
      stop(
        new PreviewError(
          `The preview process stopped unexpectedly (${killed ?? `exit code ${code}`}).`,
          'E_RUNTIME_EXCEPTION',
        ),
      )
      deliver()
    })
    void worker.ready.then(() => {
      if (outcome) return
      const text = `The preview took longer than ${timeoutMs} ms and was stopped.`
      const onTimeout = () =>
        stop(waitingOnLock ? sqliteLocked(request.file, timeoutMs) : new PreviewError(text, 'E_TIMEOUT'))
      timer = setTimeout(onTimeout, timeoutMs)
      child.send({ ...request, timeoutMs, scratchDir })
    })
  })
}

interface Worker {
  child: ChildProcess
  /** Resolves when the process said it is ready (never rejects: `close` reports a failed start). */
  ready: Promise<void>
}

/** How long a started spare waits for a preview before it is stopped. */
const SPARE_IDLE_MS = 120_000

/**
 * One process is started ahead of need once previews are in use, so the next preview (a quick pick
 * fed by row reads, say) does not wait for Node to start. It never keeps the caller alive.
 */
let spare: { worker: Worker; idle: NodeJS.Timeout } | undefined

function takeWorker(): Worker {
  const ready = spare
  spare = undefined
  if (ready) clearTimeout(ready.idle)
  const worker = ready && ready.worker.child.exitCode === null ? ready.worker : startWorker()
  worker.child.ref()
  ;(worker.child.channel as { ref?(): void } | undefined)?.ref?.()
  setImmediate(startSpare)
  return worker
}

function startSpare(): void {
  if (spare) return
  const worker = startWorker()
  worker.child.unref()
  ;(worker.child.channel as { unref?(): void } | undefined)?.unref?.()
  const idle = setTimeout(() => {
    if (spare?.worker === worker) spare = undefined
    worker.child.kill('SIGKILL')
  }, SPARE_IDLE_MS)
  idle.unref()
  worker.child.once('close', () => {
    if (spare?.worker === worker) spare = undefined
  })
  spare = { worker, idle }
}

function startWorker(): Worker {
  // No inherited flags (--inspect, the test runner's) and no stdout: it may be the LSP channel.
  const child = fork(WORKER_FILE, [], {
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  killOnExit(child)
  // A spare that fails to start is noticed by whoever takes it (its `close`), never thrown here.
  child.on('error', () => undefined)
  const ready = new Promise<void>((resolve) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.kind !== 'ready') return
      child.off('message', onMessage)
      resolve()
    }
    child.on('message', onMessage)
  })
  return { child, ready }
}

function fromReply(error: Extract<WorkerReply, { ok: false }>['error']): PreviewError {
  const failure = new PreviewError(error.message, error.code)
  failure.statements = error.statements
  return failure
}
