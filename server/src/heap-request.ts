// A test-only request for the fuzz tier: the heap after a full GC, so a plateau can be asserted on
// the real bundled server. Off unless the environment asks for it.
import type { Connection } from 'vscode-languageserver'
import { HEAP_REQUEST, type HeapResult } from './protocol'

export function registerHeapRequest(connection: Connection, env: NodeJS.ProcessEnv = process.env): void {
  if (env['LUCID_LENS_HEAP_REQUEST'] !== '1') return
  connection.onRequest(HEAP_REQUEST, (): HeapResult => {
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    return { heapUsed: process.memoryUsage().heapUsed, collected: gc !== undefined }
  })
}
