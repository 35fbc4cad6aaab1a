// The one error type of previews, in the CLI and the editor alike: a problem the user can act on, as
// one line, what to do about it, and the engine's code (`E_NO_SUCH_TABLE`) or `E_PLAN`/`E_SETUP`.
// Hints differ per surface (a flag on the command line, a setting in the editor), so each surface
// passes its own table to `problemOf`.
import type { PreviewErrorCode } from '../../../engine/src'
import { PreviewError } from '../../../engine/src/query/errors'

export class PreviewProblem extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly code?: string,
    /** What the command line prints before the message (the SQL of a preview that could not run). */
    readonly output?: string,
  ) {
    super(message)
  }
}

export type PreviewHints = Partial<Record<PreviewErrorCode, string>>

/** An engine failure as a PreviewProblem with the surface's hint; anything else is rethrown. */
export function problemOf(error: unknown, hints: PreviewHints): PreviewProblem {
  if (error instanceof PreviewProblem) return error
  if (error instanceof PreviewError) return new PreviewProblem(error.message, hints[error.code], error.code)
  throw error
}
