// Drives the REAL bundled server (`node --expose-gc server/out/server.js --stdio`) as an editor
// would: open documents of the example app, seeded random edits, random requests of every kind
// after each, and the heap after a full GC at evenly spaced points (lucidLens/heap, which the
// server registers only under LUCID_LENS_HEAP_REQUEST=1). Reports what went wrong rather than
// throwing, so the test and the bench can both judge it.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node'
import { pathToUri } from '../../server/src/features/uri'
import { HEAP_REQUEST, type HeapResult } from '../../server/src/protocol'
import { repoRoot } from '../support/paths'
import { randomEdit, type EditKind } from './fuzz-edits'
import { randomRequest, type FuzzRequest } from './fuzz-requests'
import { Random } from './random'

export interface FuzzOptions {
  seed: number
  edits: number
  /** Requests after each edit; the first is always a diagnostics pull of the edited document. */
  requestsPerEdit: number
  /** Heap measurements, evenly spaced over the edits (the first after the first tenth). */
  heapSamples: number
  /** Only import-path edits (the resolution-cache scenario of issue 12). */
  importsOnly?: boolean
  /** A request unanswered for this long counts as unanswered (a hang), not a slow answer. */
  requestLimitMs?: number
  progress?: (line: string) => void
}

export interface FuzzReport {
  edits: Record<string, number>
  requests: number
  /** Requests that failed with a JSON-RPC error (the server's boundary answers empty instead). */
  failed: string[]
  /** Renames refused with a reason for the user (an error answer by design). */
  refused: number
  unanswered: string[]
  /** The server process ended before the run did. */
  exited?: string
  /** Log lines of unexpected failures: "... failed:", uncaught exceptions, unhandled rejections. */
  serverErrors: string[]
  /** window/showMessage texts (e.g. a file that could not be analysed). */
  messages: string[]
  /** Heap after GC in MB at each sample, with the number of edits done when it was taken. */
  heap: { edits: number; mb: number }[]
  durationMs: number
}

const FILES = [
  'app/models/user.ts',
  'app/models/post.ts',
  'app/models/comment.ts',
  'app/controllers/posts_controller.ts',
  'app/controllers/categories_controller.ts',
]

export async function createFuzzApp(): Promise<{ root: string; remove(): void }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lucid-lens-fuzz-'))
  fs.cpSync(path.join(repoRoot, 'examples', 'blog'), root, { recursive: true })
  const script = await (
    new Function('s', 'return import(s)') as (s: string) => Promise<Record<string, unknown>>
  )(path.join(repoRoot, 'scripts', 'example-db.mjs'))
  await (script['createExampleDb'] as (file: string) => Promise<unknown>)(
    path.join(root, 'tmp', 'db.sqlite3'),
  )
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) }
}

export async function runFuzz(root: string, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now()
  const random = new Random(options.seed)
  const limit = options.requestLimitMs ?? 60_000
  const report: FuzzReport = {
    edits: {},
    requests: 0,
    failed: [],
    refused: 0,
    unanswered: [],
    serverErrors: [],
    messages: [],
    heap: [],
    durationMs: 0,
  }
  const bundle = path.join(repoRoot, 'server', 'out', 'server.js')
  const child = spawn(process.execPath, ['--expose-gc', bundle, '--stdio'], {
    cwd: os.tmpdir(),
    env: { ...process.env, LUCID_LENS_HEAP_REQUEST: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => resolve(`exit ${code ?? signal}: ${stderr}`)),
  )
  let stopping = false
  void exited.then((why) => {
    if (!stopping) report.exited = why
  })
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    if (/ failed:|uncaught exception|unhandled rejection/.test(p.message))
      report.serverErrors.push(p.message.slice(0, 2000))
  })
  connection.onNotification('window/showMessage', (p: { message: string }) => {
    report.messages.push(p.message)
  })
  connection.onRequest('workspace/configuration', () => [{}])
  for (const method of [
    'client/registerCapability',
    'workspace/diagnostic/refresh',
    'workspace/codeLens/refresh',
    'workspace/inlayHint/refresh',
    'window/workDoneProgress/create',
    'window/showMessageRequest',
  ])
    connection.onRequest(method, () => null)
  connection.listen()

  /** Every request must be answered: an error answer is recorded, silence past the limit too. */
  const send = async (request: FuzzRequest): Promise<unknown> => {
    report.requests++
    let timer: NodeJS.Timeout | undefined
    const silence = new Promise<'silent'>((resolve) => (timer = setTimeout(() => resolve('silent'), limit)))
    const answer = connection.sendRequest(request.method, request.params).then(
      (value) => ({ value }),
      (error: unknown) => ({
        error: error instanceof Error ? error.message : String(error),
        refusal: isRefusal(request.method, error),
      }),
    )
    const outcome = await Promise.race([answer, silence, exited.then(() => 'exited' as const)])
    clearTimeout(timer)
    if (outcome === 'silent') report.unanswered.push(request.method)
    else if (outcome !== 'exited' && 'error' in outcome) {
      if (outcome.refusal) report.refused++
      else report.failed.push(`${request.method}: ${outcome.error}`)
    }
    return outcome !== 'silent' && outcome !== 'exited' && 'value' in outcome ? outcome.value : undefined
  }

  const rootUri = pathToUri(root)
  await send({
    method: 'initialize',
    params: {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'app' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          codeLens: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
        },
        textDocument: { diagnostic: {}, rename: { prepareSupport: true }, codeAction: {}, inlayHint: {} },
        window: { showMessage: {} },
      },
    },
  })
  await connection.sendNotification('initialized', {})
  const docs = FILES.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8')
    return { uri: pathToUri(path.join(root, file)), original: text, text, version: 1 }
  })
  for (const doc of docs)
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc.uri, languageId: 'typescript', version: 1, text: doc.text },
    })

  const sampleAt = new Set<number>()
  for (let i = 1; i <= options.heapSamples; i++)
    sampleAt.add(Math.round(options.edits * (0.1 + (0.9 * (i - 1)) / Math.max(1, options.heapSamples - 1))))
  for (let i = 1; i <= options.edits && !report.exited; i++) {
    const doc = random.pick(docs)
    let kind: EditKind
    if (options.importsOnly) {
      // A new unresolvable specifier in the same import each time: the resolution-cache scenario.
      const next = doc.original.replace(/from '#models\/[a-z_]+'/, `from '#models/gone_${i}'`)
      ;[doc.text, kind] = [next, 'importPath']
    } else {
      const edit = randomEdit(random, doc.text, doc.original, i)
      ;[doc.text, kind] = [edit.text, edit.kind]
    }
    report.edits[kind] = (report.edits[kind] ?? 0) + 1
    doc.version++
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: doc.version },
      contentChanges: [{ text: doc.text }],
    })
    await send({ method: 'textDocument/diagnostic', params: { textDocument: { uri: doc.uri } } })
    for (let r = 1; r < options.requestsPerEdit; r++) {
      const request = randomRequest(random, doc.uri, doc.text)
      const answer = await send(request)
      const lens = Array.isArray(answer) ? (answer as { data?: unknown }[])[0] : undefined
      if (request.method === 'textDocument/codeLens' && lens)
        await send({ method: 'codeLens/resolve', params: lens })
    }
    if (sampleAt.has(i)) {
      const heap = (await send({ method: HEAP_REQUEST, params: {} })) as HeapResult | undefined
      if (heap) report.heap.push({ edits: i, mb: Math.round(heap.heapUsed / 1e5) / 10 })
      options.progress?.(`${i} edits, ${report.requests} requests, heap ${report.heap.at(-1)?.mb} MB`)
    }
  }
  if (!report.exited) {
    await send({ method: 'shutdown', params: undefined })
    stopping = true
    await connection.sendNotification('exit')
    await exited
  }
  connection.dispose()
  report.durationMs = Date.now() - started
  return report
}

/** Rename answers "cannot rename this" as an error with the reason, as LSP prescribes. */
function isRefusal(method: string, error: unknown): boolean {
  return (
    (method === 'textDocument/rename' || method === 'textDocument/prepareRename') &&
    error instanceof ResponseError &&
    (error.code === ErrorCodes.InvalidRequest || error.code === ErrorCodes.InvalidParams)
  )
}
