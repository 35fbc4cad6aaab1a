// Errors a preview raises. Where Lucid throws, the message is Lucid's own text (lucid-hasmany.md
// section 3 and 4) so a preview fails exactly like the app would; `code` is Lucid's code when it has one.
import type { LucidGeneration } from '../model-graph'
import type { ExecutedStatement } from './result'

export type PreviewErrorCode =
  | 'E_ROW_NOT_FOUND'
  | 'E_UNDEFINED_RELATIONSHIP'
  | 'E_UNREGISTERED_RELATIONSHIP'
  | 'E_MISSING_MODEL_ATTRIBUTE'
  | 'E_MISSING_VALUE'
  | 'E_UNKNOWN_MODEL'
  | 'E_UNSUPPORTED'
  | 'E_INVALID_DATE_COLUMN_VALUE'
  | 'E_RUNTIME_EXCEPTION'
  | 'E_READ_ONLY'
  // Database failures, raised by the executors (connection/database-errors.ts).
  | 'E_CONNECTION'
  // No better-sqlite3 loads for this Node.js (connection/load-sqlite-driver.ts): the message says why.
  | 'E_SQLITE_DRIVER'
  | 'E_ACCESS_DENIED'
  | 'E_UNKNOWN_DATABASE'
  | 'E_NO_SUCH_TABLE'
  | 'E_NO_SUCH_COLUMN'
  | 'E_TIMEOUT'
  | 'E_LOCKED'
  | 'E_CORRUPT'
  | 'E_CANCELLED'
  | 'E_DATABASE'

export class PreviewError extends Error {
  /** Statements that ran before the failure, so a preview can still show them. */
  statements: ExecutedStatement[] = []

  constructor(
    message: string,
    readonly code: PreviewErrorCode,
  ) {
    super(message)
    this.name = 'PreviewError'
  }
}

export function rowNotFound(): PreviewError {
  return new PreviewError('Row not found', 'E_ROW_NOT_FOUND')
}

/** Query-builder methods (`preload`, `withCount`, `has`, ...) on an unknown relation. */
export function undefinedRelationship(name: string, model: string): PreviewError {
  return new PreviewError(
    `"${name}" is not defined as a relationship on "${model}" model`,
    'E_UNDEFINED_RELATIONSHIP',
  )
}

/** `instance.related(name)` on an unknown relation. */
export function unregisteredRelationship(name: string): PreviewError {
  return new PreviewError(`Cannot process unregistered relationship ${name}`, 'E_UNREGISTERED_RELATIONSHIP')
}

/** A relation key that is not a column; the text changed in Lucid 21.5 (v5 keeps the old one). */
export function missingModelAttribute(
  generation: LucidGeneration,
  relation: string,
  key: string,
  model: string,
): PreviewError {
  const message =
    generation === 'v5'
      ? `"${relation}" expects "${key}" to exist on "${model}" model, but is missing`
      : `Relation "${relation}" expects "${key}" to exist on "${model}" model, but is missing. Did you forget to define the column?`
  return new PreviewError(message, 'E_MISSING_MODEL_ATTRIBUTE')
}

/** Lucid's `getValue`: `Cannot preload "posts", value of "User.id" is undefined` (null counts too). */
export function missingKeyValue(action: string, relation: string, model: string, key: string): PreviewError {
  return new PreviewError(
    `Cannot ${action} "${relation}", value of "${model}.${key}" is undefined`,
    'E_MISSING_VALUE',
  )
}

export function unsupported(method: string): PreviewError {
  return new PreviewError(`".${method}" is not supported in previews`, 'E_UNSUPPORTED')
}

export function runtimeError(message: string): PreviewError {
  return new PreviewError(message, 'E_RUNTIME_EXCEPTION')
}
