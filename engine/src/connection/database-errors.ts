// Turns driver errors (pg, mysql2) into PreviewErrors a user can act on: which server refused, which
// user or database, which table or column is missing, which limit stopped the query. Messages name
// the host and port but never the password.
import { PreviewError, type PreviewErrorCode } from '../query/errors'
import { lockWaitMs, wholeSeconds } from './server-options'

/** Where a server connection points; used in messages only. */
export interface Endpoint {
  dialect: 'PostgreSQL' | 'MySQL'
  host: string
  port: number
  user: string
  database: string
}

/** What the database said, and the missing table or column when there is one. */
export interface DatabaseErrorDetail {
  table?: string | undefined
  column?: string | undefined
  /** The server's own message, unchanged (the app would see the same text). */
  server?: string | undefined
}

/** A failure reported by (or while reaching) the database. */
export class DatabaseError extends PreviewError {
  constructor(
    message: string,
    code: PreviewErrorCode,
    readonly detail: DatabaseErrorDetail = {},
  ) {
    super(message, code)
  }
}

interface DriverError {
  message: string
  /** pg: where in the statement the error happened (`while updating tuple (0,1) in relation "t"`). */
  where?: string | undefined
  code?: string | undefined
  errno?: number | undefined
}

function driverError(error: unknown): DriverError {
  if (error instanceof Error) return error as Error & DriverError
  return { message: String(error) }
}

/** Failures of reaching a server at all, the same for both drivers (Node socket codes). */
function networkFailure(error: DriverError, at: Endpoint, timeoutMs: number): DatabaseError | undefined {
  const where = `${at.dialect} at ${at.host}:${at.port}`
  if (error.code === 'ECONNREFUSED')
    return new DatabaseError(
      `Cannot connect to ${where}: connection refused. Is the server running on that host and port?`,
      'E_CONNECTION',
    )
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new DatabaseError(`Cannot connect to ${where}: the host "${at.host}" is unknown.`, 'E_CONNECTION')
  // pg says `timeout expired`, mysql2 `connect ETIMEDOUT`, whether the socket opened or not.
  if (
    error.code === 'ETIMEDOUT' ||
    /timeout expired|connection timeout|connect ETIMEDOUT/i.test(error.message)
  )
    return new DatabaseError(
      `Cannot connect to ${where}: no answer within ${timeoutMs} ms (${error.message}). Check that a ` +
        `${at.dialect} server listens on that host and port and is not stopped or overloaded, or ` +
        'raise the time limit.',
      'E_CONNECTION',
    )
  if (error.code === 'ECONNRESET' || /Connection terminated unexpectedly/i.test(error.message))
    return new DatabaseError(`The connection to ${where} was closed by the server.`, 'E_CONNECTION')
  return undefined
}

/** pg errors carry SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export function postgresError(raw: unknown, at: Endpoint, timeoutMs: number): PreviewError {
  if (raw instanceof PreviewError) return raw
  const error = driverError(raw)
  const network = networkFailure(error, at, timeoutMs)
  if (network) return network
  const server = `PostgreSQL at ${at.host}:${at.port}`
  switch (error.code) {
    case '28P01':
    case '28000':
      return new DatabaseError(
        `${server} rejected the user "${at.user}": ${error.message}. Check the user and its password.`,
        'E_ACCESS_DENIED',
        { server: error.message },
      )
    case '3D000':
      return new DatabaseError(
        `The database "${at.database}" does not exist on ${server}.`,
        'E_UNKNOWN_DATABASE',
      )
    case '42P01': {
      const table = /relation "([^"]+)"/.exec(error.message)?.[1]
      return missingTable(table ?? '?', error.message)
    }
    case '42703': {
      // `column "a b" does not exist`, `column "a b" of relation "t" does not exist`, `column t.a b ...`
      const match =
        /^column (?:"((?:[^"]|"")+)"|([^.]+)\.(.+?)) (?:of relation "((?:[^"]|"")+)" )?does not exist/.exec(
          error.message,
        )
      const column = match?.[1]?.replaceAll('""', '"') ?? match?.[3]
      return missingColumn(column ?? '?', match?.[2] ?? match?.[4]?.replaceAll('""', '"'), error.message)
    }
    case '55P03':
      return locked(
        server,
        lockWaitMs(timeoutMs),
        'lock_timeout',
        error,
        /relation "([^"]+)"/.exec(String(error.where))?.[1],
      )
    case '25006':
      return new DatabaseError(`Only read statements run in previews (${error.message}).`, 'E_READ_ONLY', {
        server: error.message,
      })
    case '57014':
      return timeout(timeoutMs, 'statement_timeout')
  }
  if (/password must be a string|password authentication/i.test(error.message))
    return new DatabaseError(
      `${server} asks for a password for the user "${at.user}" and none was given.`,
      'E_ACCESS_DENIED',
    )
  return new DatabaseError(error.message, 'E_DATABASE', { server: error.message })
}

/** mysql2 errors carry MySQL/MariaDB error numbers and `ER_*` codes. */
export function mysqlError(raw: unknown, at: Endpoint, timeoutMs: number): PreviewError {
  if (raw instanceof PreviewError) return raw
  const error = driverError(raw)
  const network = networkFailure(error, at, timeoutMs)
  if (network) return network
  const server = `MySQL at ${at.host}:${at.port}`
  switch (error.errno) {
    case 1045:
    case 1044:
      return new DatabaseError(
        `${server} rejected the user "${at.user}": ${error.message}`,
        'E_ACCESS_DENIED',
        {
          server: error.message,
        },
      )
    case 1049:
      return new DatabaseError(
        `The database "${at.database}" does not exist on ${server}.`,
        'E_UNKNOWN_DATABASE',
      )
    case 1146: {
      const table = /Table '(?:[^'.]+\.)?([^']+)' doesn't exist/.exec(error.message)?.[1]
      return missingTable(table ?? '?', error.message)
    }
    case 1054: {
      const match = /Unknown column '(?:([^'.]+)\.)?([^']+)'/.exec(error.message)
      return missingColumn(match?.[2] ?? '?', match?.[1], error.message)
    }
    case 1792:
      return new DatabaseError(`Only read statements run in previews (${error.message}).`, 'E_READ_ONLY', {
        server: error.message,
      })
    case 1205: // ER_LOCK_WAIT_TIMEOUT, for row locks and table (metadata) locks alike
      return locked(server, wholeSeconds(lockWaitMs(timeoutMs)) * 1000, 'lock_wait_timeout', error)
    case 1969: // MariaDB ER_STATEMENT_TIMEOUT
      return timeout(timeoutMs, 'max_statement_time')
    case 3024: // MySQL ER_QUERY_TIMEOUT
      return timeout(timeoutMs, 'max_execution_time')
  }
  return new DatabaseError(error.message, 'E_DATABASE', { server: error.message })
}

export function missingTable(table: string, serverMessage: string): DatabaseError {
  return new DatabaseError(`The table "${table}" does not exist (${serverMessage}).`, 'E_NO_SUCH_TABLE', {
    table,
    server: serverMessage,
  })
}

export function missingColumn(
  column: string,
  table: string | undefined,
  serverMessage: string,
): DatabaseError {
  const name = table ? `${table}.${column}` : column
  return new DatabaseError(`The column "${name}" does not exist (${serverMessage}).`, 'E_NO_SUCH_COLUMN', {
    table,
    column,
    server: serverMessage,
  })
}

function locked(
  server: string,
  waitedMs: number,
  setting: string,
  error: DriverError,
  table?: string,
): DatabaseError {
  const on = table ? ` on the table "${table}"` : ''
  return new DatabaseError(
    `The query waited ${waitedMs} ms (${setting}, from the preview's time limit) for a lock that another ` +
      `connection holds${on} on ${server}: ${error.message}. Finish or roll back that connection's ` +
      'transaction (an open console, a migration, a long job), then preview again.',
    'E_LOCKED',
    { table, server: error.message },
  )
}

export function timeout(ms: number, setting: string): DatabaseError {
  return new DatabaseError(`The query took longer than ${ms} ms (${setting}) and was stopped.`, 'E_TIMEOUT')
}

export function cancelled(): DatabaseError {
  return new DatabaseError('The preview was cancelled; the running query was stopped.', 'E_CANCELLED')
}
